// Compose an announcement (level, target, expiry), confirm an emergency, list and withdraw.
// Volunteers may announce to their own rooms only.
import { useState } from "preact/hooks";
import type { AnnouncementLevel, AnnouncementTarget } from "../../shared/model.js";
import { MAX_ANNOUNCEMENT_CHARS } from "../../shared/model.js";
import { formatTime } from "../../shared/time.js";
import { useStores } from "../context.js";
import { MINUTE_MS } from "../../shared/time.js";

const EXPIRY_CHOICES_MIN = [0, 15, 30, 60, 120, 240] as const;

export function AnnouncementsPage() {
  const { admin, clock, commands, feedback } = useStores();
  const state = admin.state.value!;
  const zone = admin.zone.value;
  const organizer = admin.isOrganizer.value;
  const mine = admin.actionableRoomIds.value;
  const [text, setText] = useState("");
  const [level, setLevel] = useState<AnnouncementLevel>("info");
  const [targetKind, setTargetKind] = useState<AnnouncementTarget["kind"]>(organizer ? "all" : "rooms");
  const [roomIds, setRoomIds] = useState<string[]>(organizer ? [] : [...mine]);
  const [expiryMin, setExpiryMin] = useState<number>(0);
  const [confirming, setConfirming] = useState(false);

  const target: AnnouncementTarget | null =
    targetKind === "rooms" ? (roomIds.length > 0 ? { kind: "rooms", roomIds } : null) : { kind: targetKind };
  const valid = text.trim() !== "" && target !== null;
  const send = () => {
    if (!target) return;
    const end = expiryMin > 0 ? clock.hubNow.peek() + expiryMin * MINUTE_MS : null;
    setConfirming(false);
    void commands.apply({ kind: "announce", text: text.trim(), level, target, start: null, end }).then((r) => {
      if (feedback.report(r, level === "emergency" ? "Emergency message is on the screens" : "Announcement sent")) setText("");
    });
  };
  const toggleRoom = (id: string) => setRoomIds(roomIds.includes(id) ? roomIds.filter((r) => r !== id) : [...roomIds, id]);

  return (
    <>
      <h2>Announcements</h2>
      <form class="card" onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        // An emergency takes over whole screens: it needs a second, deliberate tap.
        if (level === "emergency" && !confirming) setConfirming(true);
        else send();
      }}>
        <label for="announce-text">Message</label>
        <textarea id="announce-text" name="text" data-testid="announce-text" rows={3} maxLength={MAX_ANNOUNCEMENT_CHARS}
          value={text} onInput={(e) => { setText(e.currentTarget.value); setConfirming(false); }} />
        <fieldset class="choices">
          <legend>Level</legend>
          {(["info", "warning", "emergency"] as const).map((l) => (
            <label key={l} class="choice">
              <input type="radio" name="level" value={l} data-testid={`level-${l}`} checked={level === l}
                onChange={() => { setLevel(l); setConfirming(false); }} /> {l}
            </label>
          ))}
        </fieldset>
        <fieldset class="choices">
          <legend>Show on</legend>
          {organizer && (["all", "lobby"] as const).map((k) => (
            <label key={k} class="choice">
              <input type="radio" name="target" data-testid={`target-${k}`} checked={targetKind === k} onChange={() => setTargetKind(k)} />
              {k === "all" ? " every screen" : " lobby boards"}
            </label>
          ))}
          <label class="choice">
            <input type="radio" name="target" data-testid="target-rooms" checked={targetKind === "rooms"} onChange={() => setTargetKind("rooms")} /> chosen rooms
          </label>
          {targetKind === "rooms" && (
            <div class="room-checks">
              {state.rooms.filter((r) => mine.has(r.id)).map((r) => (
                <label key={r.id} class="choice">
                  <input type="checkbox" data-testid="target-room" data-room={r.id} checked={roomIds.includes(r.id)} onChange={() => toggleRoom(r.id)} /> {r.name}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <label>
          Expires{" "}
          <select data-testid="announce-expiry" value={String(expiryMin)} onChange={(e) => setExpiryMin(Number(e.currentTarget.value))}>
            {EXPIRY_CHOICES_MIN.map((m) => (
              <option key={m} value={String(m)}>{m === 0 ? "when withdrawn" : `in ${m} min`}</option>
            ))}
          </select>
        </label>
        {confirming && (
          <p class="feedback feedback-error" role="alert">
            This emergency message takes over every targeted screen until withdrawn. Tap again to send it.
          </p>
        )}
        <button type="submit" class={confirming ? "action danger" : "action primary"} data-testid={confirming ? "announce-confirm" : "announce-send"} disabled={!valid}>
          {confirming ? "Send emergency now" : "Send"}
        </button>
      </form>

      <h3>On the screens</h3>
      <ul class="list">
        {state.announcements.length === 0 && <li class="muted">No announcements.</li>}
        {state.announcements.map((a) => (
          <li key={a.id} class={`list-item level-${a.level}`} data-testid="announcement" data-level={a.level}>
            <p class="announcement-text">{a.text}</p>
            <p class="muted">
              {`${a.level} · ${describeTarget(a.target, state.rooms)} · by ${a.author}${a.end !== null ? ` · until ${formatTime(a.end, zone)}` : ""}`}
            </p>
            <button type="button" class="action secondary" data-testid="withdraw"
              onClick={() => void commands.apply({ kind: "withdraw", announcementId: a.id }).then((r) => feedback.report(r, "Withdrawn"))}>
              Withdraw
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function describeTarget(target: AnnouncementTarget, rooms: { id: string; name: string }[]): string {
  if (target.kind === "all") return "every screen";
  if (target.kind === "lobby") return "lobby boards";
  return target.roomIds.map((id) => rooms.find((r) => r.id === id)?.name ?? id).join(", ");
}
