// An AdminState built from the Planet Nix demo folded with given changes, as the hub would send it.
import type { Change, ChangeInputRaw } from "../../../shared/model.js";
import { ChangeInputSchema } from "../../../shared/model.js";
import type { AdminState, ChangePreview, ScreenInfo } from "../../../shared/protocol.js";
import { fold } from "../../../shared/timeline.js";
import { loadDemo } from "../../../server/demo/index.js";

export const LA = "America/Los_Angeles";
/** UTC ms of an ISO text with offset. */
export const at = (iso: string) => Date.parse(iso);

let seq = 0;
/** Stamps a change as the hub would: id, seq, instants, author. */
export function stamp(input: ChangeInputRaw, when: number, author = "organizer"): Change {
  seq += 1;
  return { ...ChangeInputSchema.parse(input), id: `c${seq}`, seq, at: when, realAt: when, author } as Change;
}

export function screen(overrides: Partial<ScreenInfo>): ScreenInfo {
  return {
    screenId: "screen-000000",
    pairingCode: "K7Q2",
    name: null,
    view: null,
    online: true,
    firstSeen: 0,
    lastSeen: 0,
    clockOffsetMs: null,
    appVersion: null,
    ...overrides,
  };
}

export function planetNixState(changes: Change[] = [], screens: ScreenInfo[] = []): AdminState {
  const effective = fold(loadDemo("planet-nix-2025"), changes);
  return {
    version: changes.length + 1,
    appVersion: "test",
    role: { kind: "organizer", name: "organizer" },
    event: effective.event,
    rooms: effective.rooms,
    sessions: effective.sessions,
    roomStatus: effective.roomStatus,
    announcements: effective.announcements,
    clock: effective.clock,
    orphaned: effective.orphaned,
    changes,
    screens,
    volunteerLinks: [],
  };
}

/** What the hub's change:preview would answer: the sessions a change alters, before and after. */
export function previewOf(before: AdminState, after: AdminState, screens = 0): ChangePreview {
  const old = new Map(before.sessions.map((s) => [`${s.key}|${s.status === "moved-out" ? "out" : "in"}`, s]));
  const sessions = after.sessions.flatMap((s) => {
    const b = old.get(`${s.key}|${s.status === "moved-out" ? "out" : "in"}`);
    if (b && b.start === s.start && b.end === s.end && b.status === s.status && b.roomId === s.roomId) return [];
    const shape = (x: typeof s) => ({ start: x.start, end: x.end, status: x.status, roomId: x.roomId });
    return [{ key: s.key, displayTitle: s.displayTitle, roomId: s.roomId, before: b ? shape(b) : null, after: shape(s) }];
  });
  return { sessions, roomIds: [...new Set(sessions.map((s) => s.roomId))], screens };
}
