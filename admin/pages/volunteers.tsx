// Volunteer links: create one for some rooms (label, optional expiry), show the URL to copy,
// list and revoke.
import { useState } from "preact/hooks";
import type { VolunteerLinkInfo } from "../../shared/protocol.js";
import { formatDay, formatTime } from "../../shared/time.js";
import { useStores } from "../context.js";
import { fromLocalInput } from "../derive/time-input.js";
import { PasswordForm } from "../components/password-form.js";

export function VolunteersPage() {
  const { admin, commands, feedback, clock } = useStores();
  const state = admin.state.value!;
  const zone = admin.zone.value;
  const [label, setLabel] = useState("");
  const [roomIds, setRoomIds] = useState<string[]>([]);
  const [expires, setExpires] = useState("");
  const [created, setCreated] = useState<VolunteerLinkInfo | null>(null);
  const toggle = (id: string) => setRoomIds(roomIds.includes(id) ? roomIds.filter((r) => r !== id) : [...roomIds, id]);
  const name = (id: string) => state.rooms.find((r) => r.id === id)?.name ?? id;
  const when = (at: number) => `${formatDay(at, zone)} ${formatTime(at, zone)}`;
  const realNow = clock.coarseRealNow.value;

  return (
    <>
      <h2>Volunteers</h2>
      <form class="card" onSubmit={(e) => {
        e.preventDefault();
        const expiresAt = expires === "" ? null : fromLocalInput(expires, zone);
        if (expires !== "" && expiresAt === null) return feedback.show("error", "The expiry is not a valid time.");
        void commands.createVolunteerLink(label.trim(), roomIds, expiresAt).then((r) => {
          if (feedback.report(r, "Link created") && r.ok) {
            setCreated(r.link);
            setLabel("");
          }
        });
      }}>
        <label>
          Label <input name="label" data-testid="volunteer-label" required maxLength={100} value={label} placeholder="Room 1 door, Saturday"
            onInput={(e) => setLabel(e.currentTarget.value)} />
        </label>
        <fieldset class="choices">
          <legend>Rooms</legend>
          {state.rooms.map((r) => (
            <label key={r.id} class="choice">
              <input type="checkbox" data-testid="volunteer-room" data-room={r.id} checked={roomIds.includes(r.id)} onChange={() => toggle(r.id)} /> {r.name}
            </label>
          ))}
        </fieldset>
        <label>
          Expires (venue time, optional) <input type="datetime-local" data-testid="volunteer-expiry" value={expires} onInput={(e) => setExpires(e.currentTarget.value)} />
        </label>
        <button type="submit" class="action primary" data-testid="volunteer-create" disabled={label.trim() === "" || roomIds.length === 0}>
          Create link
        </button>
      </form>

      {created?.url && (
        <section class="card created-link">
          <h3>{`Link for ${created.label}`}</h3>
          <p class="muted">Send it to the volunteer; opening it signs them in for these rooms only.</p>
          <input readOnly class="url" data-testid="volunteer-url" value={new URL(created.url, location.origin).href}
            onFocus={(e) => e.currentTarget.select()} />
          <button type="button" class="action secondary"
            onClick={() => void navigator.clipboard?.writeText(new URL(created.url!, location.origin).href).then(() => feedback.show("ok", "Copied"))}>
            Copy
          </button>
        </section>
      )}

      <h3>Links</h3>
      <ul class="list">
        {state.volunteerLinks.length === 0 && <li class="muted">No volunteer links yet.</li>}
        {state.volunteerLinks.map((l) => {
          const expired = l.expiresAt !== null && l.expiresAt <= realNow;
          return (
            <li key={l.id} class="list-item" data-testid="volunteer-link" data-link={l.id}>
              <p><strong>{l.label}</strong> {(l.revoked || expired) && <span class="badge badge-bad">{l.revoked ? "Revoked" : "Expired"}</span>}</p>
              <p class="muted">{`${l.roomIds.map(name).join(", ")} · ${l.expiresAt === null ? "no expiry" : `expires ${when(l.expiresAt)}`}`}</p>
              {!l.revoked && (
                <button type="button" class="action danger" data-testid="volunteer-revoke"
                  onClick={() => void commands.revokeVolunteerLink(l.id).then((r) => feedback.report(r, "Revoked"))}>
                  Revoke
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <PasswordForm />
    </>
  );
}
