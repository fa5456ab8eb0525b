// An in-memory stand-in for the hub's store behind the import API and the feed.
import type { Change, ChangeInput, Event } from "../../shared/model.js";
import type { ImportReport } from "../../shared/formats/types.js";

export interface MemoryHub {
  event: Event | null;
  changes: Change[];
  replaced: Array<{ source: { kind: string; name: string }; report: ImportReport }>;
  version: number;
  deps: {
    getEvent(): Event | null;
    getChanges(): Change[];
    replaceEvent(event: Event, source: { kind: "file" | "url" | "text"; name: string }, report: ImportReport): Promise<{ version: number }>;
  };
}

export function memoryHub(event: Event | null = null): MemoryHub {
  const hub: MemoryHub = {
    event,
    changes: [],
    replaced: [],
    version: 1,
    deps: {
      getEvent: () => hub.event,
      getChanges: () => hub.changes,
      replaceEvent: async (next, source, report) => {
        hub.event = next;
        hub.replaced.push({ source, report });
        hub.version += 1;
        return { version: hub.version };
      },
    },
  };
  return hub;
}

/** A stored change as the hub would stamp it. */
export function stamped(input: ChangeInput, seq: number): Change {
  return { ...input, id: `c-${seq}`, seq, at: 0, realAt: 0, author: "organizer" } as Change;
}
