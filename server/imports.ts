// The hub's side of imports: the import API and the URL feed, wired to the running hub so an
// applied import is one transaction and reaches exactly the screens whose view changed.
import type { Router } from "express";
import type { Auth } from "./auth.js";
import { requireOrganizer } from "./app.js";
import type { Hub } from "./hub.js";
import type { ImportDeps } from "./import/apply.js";
import { createFeed, type Feed, type FeedSettings } from "./import/feed.js";
import { createImportRouter } from "./import/routes.js";
import { whenQuiet } from "./admission.js";
import { closeImportWorker, warmImportWorker } from "./import/worker.js";

export interface Imports {
  router: Router;
  feed: Feed;
  /** Once the hub listens: warms the import worker and resumes a URL followed before a restart. */
  start(): void;
  close(): Promise<void>;
}

export function createImports(hub: Hub, auth: Auth, realNow: () => number, settings: FeedSettings): Imports {
  const deps: ImportDeps = {
    getEvent: () => hub.schedule.stored.event,
    getChanges: () => hub.schedule.changes.map((c) => c.change),
    replaceEvent: async (event, source, report) => ({ version: hub.importEvent(event, `${source.kind}:${source.name}`, report) }),
  };
  const feed = createFeed({ ...deps, realNow, settings });
  const router = createImportRouter({ ...deps, requireOrganizer: requireOrganizer(auth), feed });
  let stopWaiting = () => {};
  return {
    router,
    feed,
    start() {
      // The worker's start (its loader, the importers compiled on warm-up schedules) takes about a
      // second of CPU; the first upload should not wait for it, but neither should screens
      // reconnecting after a restart: it starts once they are back. An upload before that
      // starts it at once. The resumed feed polls at once, in the background, like a fresh follow.
      stopWaiting = whenQuiet(hub.admission, warmImportWorker);
      void feed.resume()?.catch((err: unknown) => hub.log.error("resuming the schedule feed failed", err));
    },
    async close() {
      stopWaiting();
      // Not feed.stop(): that forgets the URL, and a restarted hub must follow it again.
      await feed.close();
      await closeImportWorker();
    },
  };
}
