// Every screen that ever connected: pairing code, name, assigned view, and what its heartbeat
// says. A connected screen's entry in memory is the truth while it is connected; rows are
// written in batches so thousands of screens reconnecting at once cost one transaction, not
// thousands of fsyncs, and once written an offline screen is only a row. Organizer actions
// (assign, rename, forget) are written at once.
import { randomInt } from "node:crypto";
import type { ScreenInfo } from "../shared/protocol.js";
import type { ScreenRow, Store } from "./store.js";

// No 0/O, 1/I/L, 2/Z, 5/S, 8/B, G/6: the code is read from across a room and typed on a phone.
const PAIRING_ALPHABET = "ACDEFHJKMNPQRTUVWXY34679";
export const PAIRING_CODE_LENGTH = 4;
/** Screens remembered at most; beyond it the longest-unseen unassigned screen is forgotten. */
export const MAX_SCREENS = 10_000;
/** How often heartbeat bookkeeping is written to the database, ms. */
export const SCREEN_FLUSH_INTERVAL_MS = 5_000;
/**
 * A screen seen within this long of the last screen the hub saw was online when it stopped (a
 * connected screen is seen at least every heartbeat, 30 s, and written within a flush), ms.
 */
export const RETURNING_WINDOW_MS = 2 * 60_000;

export interface ScreenEntry extends ScreenRow {
  /** socket ids currently connected as this screen (NO_SOCKETS, shared, while offline). */
  sockets: ReadonlySet<string>;
}

// Thousands of remembered offline screens share this one empty set instead of holding a hash
// table each; a connecting screen gets a set of its own.
const NO_SOCKETS: ReadonlySet<string> = new Set<string>();

export function newPairingCode(taken: (code: string) => boolean): string {
  for (;;) {
    const code = Array.from({ length: PAIRING_CODE_LENGTH }, () => PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)]).join("");
    if (!taken(code)) return code;
  }
}

/**
 * The view a screen shows. Without a URL view, its assignment. With one, the URL's view, unless an
 * organizer assigned another view while the screen had that very URL: the later intent wins, across
 * the screen's reboots, and a URL typed in after the assignment wins again.
 */
export function resolveView(entry: Pick<ScreenRow, "view" | "assignedOverUrl">, urlView: string | null): string | null {
  if (urlView === null) return entry.view;
  return entry.view !== null && entry.assignedOverUrl === urlView ? entry.view : urlView;
}

/** The entry fields an organizer's assignment of `view` sets, given the view the screen's URL names. */
export function assignment(view: string | null, urlView: string | null): Pick<ScreenRow, "view" | "assignedOverUrl"> {
  // Assigning a URL screen its own URL's view (or no view) hands it back to its URL.
  if (urlView !== null && (view === null || view === urlView)) return { view: null, assignedOverUrl: null };
  return { view, assignedOverUrl: urlView };
}

export type ScreenRegistry = ReturnType<typeof createScreenRegistry>;

export function createScreenRegistry(store: Store, now: () => number) {
  // Connected screens, and screens that went offline since the last flush. Every other screen
  // lives in the database only: a venue's fleet rebooting all day (or a hub that saw 10,000
  // screens at some point) costs the hub no memory once its bookkeeping is written.
  const screens = new Map<string, ScreenEntry>();
  /** Pairing codes of the entries in `screens` (the database knows the others). */
  const codes = new Set<string>();
  const dirty = new Set<string>();
  /** Screens remembered: rows in the database plus entries not written yet. */
  let remembered = store.countScreens();
  /** Bumped on every change list() would show, so the hub can reuse its last serialised list. */
  let revision = 0;

  const rowOf = (e: ScreenEntry): ScreenRow => ({
    id: e.id,
    pairingCode: e.pairingCode,
    name: e.name,
    view: e.view,
    firstSeen: e.firstSeen,
    lastSeen: e.lastSeen,
    clockOffsetMs: e.clockOffsetMs,
    appVersion: e.appVersion,
    shownView: e.shownView,
    urlView: e.urlView,
    assignedOverUrl: e.assignedOverUrl,
  });

  /** A screen known from its row only: offline until it connects. */
  const offlineEntry = (row: ScreenRow): ScreenEntry => ({ ...row, sockets: NO_SOCKETS });

  /** The entry in memory, or the screen's row as an offline entry (not kept), or undefined. */
  function get(id: string): ScreenEntry | undefined {
    const entry = screens.get(id);
    if (entry) return entry;
    const row = store.getScreen(id);
    return row ? offlineEntry(row) : undefined;
  }

  /** Keeps a screen in memory (its pairing code counted as taken) until a flush lets it go. */
  function hold(entry: ScreenEntry): void {
    screens.set(entry.id, entry);
    codes.add(entry.pairingCode);
  }

  /** Writes heartbeat bookkeeping gathered since the last flush, in one transaction, and lets offline screens go from memory. */
  function flush(): void {
    if (dirty.size > 0) {
      const rows = [...dirty].flatMap((id) => {
        const e = screens.get(id);
        return e ? [rowOf(e)] : [];
      });
      store.saveScreens(rows); // should it throw, everything stays dirty and in memory for the next try
      dirty.clear();
    }
    for (const [id, e] of screens) {
      if (e.sockets.size > 0 || dirty.has(id)) continue;
      screens.delete(id);
      codes.delete(e.pairingCode);
    }
  }

  /**
   * Makes room by forgetting the longest-unseen screens nobody cares about (offline, unnamed,
   * unassigned): a tenth of the limit at once, so a flood of new screens costs one scan per
   * thousand, not one per screen. False when every remembered screen matters.
   */
  function evict(): boolean {
    flush(); // every remembered screen is a row now; those still in memory are online
    const gone = store
      .idleScreenIds()
      .filter((id) => !screens.has(id))
      .slice(0, Math.max(1, Math.floor(MAX_SCREENS / 10)));
    if (gone.length === 0) return false;
    store.deleteScreens(gone);
    remembered -= gone.length;
    revision++;
    return true;
  }

  function forget(id: string): ScreenEntry | null {
    const entry = get(id);
    if (!entry) return null;
    if (screens.delete(id)) codes.delete(entry.pairingCode);
    dirty.delete(id);
    store.deleteScreen(id);
    remembered--;
    revision++;
    return entry;
  }

  return {
    get,

    get revision(): number {
      return revision;
    },

    /** Registers a connection of `id` (new screens get a pairing code); null when the hub is full. */
    connect(id: string, socketId: string, appVersion: string): ScreenEntry | null {
      let entry = screens.get(id);
      if (!entry) {
        entry = get(id); // an offline screen's row
        if (!entry) {
          if (remembered >= MAX_SCREENS && !evict()) return null;
          const at = now();
          const pairingCode = newPairingCode((c) => codes.has(c) || store.pairingCodeTaken(c));
          entry = { id, pairingCode, name: null, view: null, firstSeen: at, lastSeen: at, clockOffsetMs: null, appVersion: null, shownView: null, urlView: null, assignedOverUrl: null, sockets: NO_SOCKETS };
          remembered++;
        }
        hold(entry);
      }
      entry.sockets = new Set(entry.sockets).add(socketId);
      entry.lastSeen = now();
      if (appVersion) entry.appVersion = appVersion;
      dirty.add(id);
      revision++;
      return entry;
    },

    disconnect(id: string, socketId: string): void {
      const entry = screens.get(id);
      if (!entry) return;
      if (entry.sockets.has(socketId)) {
        const rest = new Set(entry.sockets);
        rest.delete(socketId);
        entry.sockets = rest.size === 0 ? NO_SOCKETS : rest;
      }
      entry.lastSeen = now();
      dirty.add(id);
      revision++;
    },

    heartbeat(id: string, beat: { appVersion: string; clockOffsetMs: number }): void {
      const entry = screens.get(id);
      if (!entry) return;
      entry.lastSeen = now();
      entry.appVersion = beat.appVersion;
      entry.clockOffsetMs = Math.round(beat.clockOffsetMs);
      dirty.add(id);
      revision++;
    },

    /** Records what a screen shows now and the view its URL names (written with the next batch). */
    shows(id: string, view: string | null, urlView?: string | null): void {
      const entry = screens.get(id);
      if (!entry) return;
      entry.shownView = view;
      if (urlView !== undefined) entry.urlView = urlView;
      dirty.add(id);
      revision++;
    },

    /** Organizer edits: written at once (with the rest of the screen's bookkeeping). */
    update(id: string, patch: Partial<Pick<ScreenRow, "name" | "view" | "assignedOverUrl">>): ScreenEntry | null {
      const entry = get(id);
      if (!entry) return null;
      Object.assign(entry, patch);
      dirty.delete(id);
      revision++;
      store.saveScreens([rowOf(entry)]);
      return entry;
    },

    forget,

    flush,

    /**
     * Reads the screens that were online when the hub stopped into memory in one query: after a
     * restart they all reconnect within seconds, and one query costs far less than one per
     * screen. Those that do not come back leave memory with the next flush, like any offline
     * screen. Returns how many were read.
     */
    expectReturning(withinMs = RETURNING_WINDOW_MS): number {
      let read = 0;
      for (const row of store.recentScreens(withinMs)) {
        if (screens.has(row.id)) continue;
        hold(offlineEntry(row));
        read++;
      }
      return read;
    },

    /** For the admin page, most recently seen first: the database's rows, with what memory knows newer. */
    list(): ScreenInfo[] {
      // When memory holds every remembered screen (all online, or back after a restart), the
      // database has nothing more to say: it is not read.
      const rows = screens.size >= remembered ? [] : store.listScreens();
      const all = new Map<string, ScreenRow & { sockets?: ReadonlySet<string> }>(rows.map((r) => [r.id, r]));
      for (const [id, e] of screens) all.set(id, e);
      return [...all.values()]
        .sort((a, b) => b.lastSeen - a.lastSeen)
        .map((e) => ({
          screenId: e.id,
          pairingCode: e.pairingCode,
          name: e.name,
          view: e.shownView ?? e.view,
          online: (e.sockets?.size ?? 0) > 0,
          firstSeen: e.firstSeen,
          lastSeen: e.lastSeen,
          clockOffsetMs: e.clockOffsetMs,
          appVersion: e.appVersion,
        }));
    },

    /** Screens held in memory (connected, or offline and not written yet). */
    get inMemory(): number {
      return screens.size;
    },
  };
}
