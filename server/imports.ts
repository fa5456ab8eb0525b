// The hub's side of imports: the import API and the URL feed, wired to the running hub so an
// applied import is one transaction and reaches exactly the screens whose view changed.
import type { Router } from "express";
import type { Auth } from "./auth.js";
import { requireOrganizer } from "./app.js";
import type { Hub } from "./hub.js";
import type { ImportDeps } from "./import/apply.js";
import { createFeed, type Feed } from "./import/feed.js";
import { createImportRouter } from "./import/routes.js";
import { closeImportWorker } from "./import/worker.js";

export interface Imports {
  router: Router;
  feed: Feed;
  close(): Promise<void>;
}

export function createImports(hub: Hub, auth: Auth, realNow: () => number): Imports {
  const deps: ImportDeps = {
    getEvent: () => hub.schedule.stored.event,
    getChanges: () => hub.schedule.changes.map((c) => c.change),
    replaceEvent: async (event, source, report) => ({ version: hub.importEvent(event, `${source.kind}:${source.name}`, report) }),
  };
  const feed = createFeed({ ...deps, realNow });
  const router = createImportRouter({ ...deps, requireOrganizer: requireOrganizer(auth), feed });
  return {
    router,
    feed,
    async close() {
      feed.stop();
      await closeImportWorker();
    },
  };
}
