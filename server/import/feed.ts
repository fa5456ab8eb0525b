// Follow a schedule URL (pretalx, frab, FOSDEM-style): poll every N minutes with ETag /
// If-Modified-Since, apply what changed the same way as an upload, keep the last good
// schedule when a fetch or parse fails, and tell the admin page the last success and error.
import type { ImportReport } from "../../shared/formats/types.js";
import { type ImportDeps, runImport } from "./apply.js";

/** A feed body larger than this is refused (bytes). */
export const MAX_FEED_BYTES = 40 * 1024 * 1024;
export const FEED_FETCH_TIMEOUT_MS = 30_000;
export const MIN_FEED_INTERVAL_MS = 30_000;

export interface FeedStatus {
  url: string | null;
  intervalMs: number | null;
  zone: string | null;
  /** Real time, UTC ms, of the last fetch that ended well (imported, unchanged or 304). */
  lastSuccessAt: number | null;
  lastSuccess: string | null;
  lastErrorAt: number | null;
  lastError: string | null;
  /** Version of the last schedule this feed applied. */
  lastAppliedVersion: number | null;
  lastReport: ImportReport | null;
  etag: string | null;
  lastModified: string | null;
  polling: boolean;
}

/** Where the followed URL is remembered across hub restarts (the store's settings table). */
export interface FeedSettings {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** Settings key of the followed URL, interval and zone (JSON; "" when not following). */
export const FEED_SETTING = "import.feed";

export interface FeedDeps extends ImportDeps {
  realNow: () => number;
  /** Remembers the followed URL so a restarted hub resumes it (call `resume()` at start). */
  settings?: FeedSettings;
  fetch?: typeof fetch;
  /** Called after a poll with the new status (the hub pushes it to admin pages). */
  onStatus?: (status: FeedStatus) => void;
}

export type Feed = ReturnType<typeof createFeed>;

export function createFeed(deps: FeedDeps) {
  const doFetch = deps.fetch ?? fetch;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<FeedStatus> | null = null;
  // Aborted by close(): a hub shutting down does not wait out a slow schedule server.
  const closing = new AbortController();
  const status: FeedStatus = {
    url: null, intervalMs: null, zone: null, lastSuccessAt: null, lastSuccess: null, lastErrorAt: null, lastError: null,
    lastAppliedVersion: null, lastReport: null, etag: null, lastModified: null, polling: false,
  };

  const succeed = (message: string) => {
    status.lastSuccessAt = deps.realNow();
    status.lastSuccess = message;
  };
  const fail = (message: string) => {
    status.lastErrorAt = deps.realNow();
    status.lastError = message;
  };

  async function readBody(response: Response): Promise<string> {
    const length = Number(response.headers.get("content-length") ?? 0);
    if (length > MAX_FEED_BYTES) throw new Error(`the schedule is ${length} bytes; at most ${MAX_FEED_BYTES} are accepted`);
    const buffer = await response.arrayBuffer();
    if (buffer.byteLength > MAX_FEED_BYTES) throw new Error(`the schedule is ${buffer.byteLength} bytes; at most ${MAX_FEED_BYTES} are accepted`);
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(buffer);
  }

  async function pollOnce(): Promise<FeedStatus> {
    const url = status.url;
    if (!url) return { ...status };
    status.polling = true;
    try {
      const headers: Record<string, string> = { accept: "application/xml, application/json, text/calendar, */*;q=0.5", "user-agent": "Roomcast schedule feed" };
      if (status.etag) headers["if-none-match"] = status.etag;
      if (status.lastModified) headers["if-modified-since"] = status.lastModified;
      let response: Response;
      try {
        response = await doFetch(url, { headers, redirect: "follow", signal: AbortSignal.any([AbortSignal.timeout(FEED_FETCH_TIMEOUT_MS), closing.signal]) });
      } catch (e) {
        fail(`fetching ${url} failed: ${e instanceof Error ? e.message : String(e)}; the last good schedule stays`);
        return { ...status };
      }
      if (response.status === 304) {
        succeed("not modified (304)");
        return { ...status };
      }
      if (!response.ok) {
        fail(`fetching ${url} answered HTTP ${response.status}; the last good schedule stays`);
        return { ...status };
      }
      let text: string;
      try {
        text = await readBody(response);
      } catch (e) {
        fail(`${e instanceof Error ? e.message : String(e)}; the last good schedule stays`);
        return { ...status };
      }
      if (closing.signal.aborted) return { ...status };
      let outcome: Awaited<ReturnType<typeof runImport>>;
      try {
        outcome = await runImport(deps, { text, fileName: url, ...(status.zone ? { zone: status.zone } : {}) }, { kind: "url", name: url }, { dryRun: false, skipUnchanged: true });
      } catch (e) {
        // Polls run from a timer: an unexpected failure becomes the feed's error, never an unhandled rejection.
        fail(`importing ${url} failed: ${e instanceof Error ? e.message : String(e)}; the last good schedule stays`);
        return { ...status };
      }
      if (!outcome.ok) {
        const first = outcome.errors[0];
        fail(`the schedule at ${url} could not be imported (${outcome.format ?? "unknown format"}): ${first ? `${first.path}: ${first.message}` : "no details"}; the last good schedule stays`);
        return { ...status };
      }
      // Validators are remembered only once the body they describe was imported.
      status.etag = response.headers.get("etag");
      status.lastModified = response.headers.get("last-modified");
      status.lastReport = outcome.report;
      if (outcome.applied) status.lastAppliedVersion = outcome.version;
      succeed(outcome.applied ? `imported ${outcome.report.sessions} sessions (version ${outcome.version})` : "unchanged");
      return { ...status };
    } finally {
      status.polling = false;
      deps.onStatus?.({ ...status });
    }
  }

  /** One poll now; concurrent calls share the poll in flight. */
  function pollNow(): Promise<FeedStatus> {
    running ??= pollOnce().finally(() => {
      running = null;
    });
    return running;
  }

  /** Starts following `url` (replacing any previous feed), remembers it, and polls at once. */
  function follow(url: string, options: { intervalMs: number; zone?: string | null }): Promise<FeedStatus> {
    if (timer) clearInterval(timer);
    const changedUrl = url !== status.url;
    status.url = url;
    status.zone = options.zone ?? null;
    status.intervalMs = Math.max(MIN_FEED_INTERVAL_MS, options.intervalMs);
    if (changedUrl) {
      status.etag = null;
      status.lastModified = null;
    }
    deps.settings?.set(FEED_SETTING, JSON.stringify({ url, intervalMs: status.intervalMs, zone: status.zone }));
    timer = setInterval(() => void pollNow(), status.intervalMs);
    timer.unref();
    return pollNow();
  }

  return {
    follow,
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
      status.url = null;
      status.intervalMs = null;
      deps.settings?.set(FEED_SETTING, "");
    },
    /**
     * Stops polling for a hub shutdown but keeps the remembered URL, so the next start resumes it
     * (`stop()` is the organizer's "stop following" and forgets it). Waits for a poll in flight.
     */
    async close(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      closing.abort();
      await running?.catch(() => undefined);
    },
    /** Follows the URL remembered from before a restart; null when none was followed. */
    resume(): Promise<FeedStatus> | null {
      const saved = readSaved(deps.settings);
      return saved ? follow(saved.url, { intervalMs: saved.intervalMs, zone: saved.zone }) : null;
    },
    pollNow,
    status(): FeedStatus {
      return { ...status };
    },
  };
}

function readSaved(settings: FeedSettings | undefined): { url: string; intervalMs: number; zone: string | null } | null {
  const raw = settings?.get(FEED_SETTING);
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as { url?: unknown; intervalMs?: unknown; zone?: unknown };
    if (typeof v.url !== "string" || typeof v.intervalMs !== "number") return null;
    return { url: v.url, intervalMs: v.intervalMs, zone: typeof v.zone === "string" ? v.zone : null };
  } catch {
    // A damaged setting only means the URL is not resumed; the admin page can set it again.
    return null;
  }
}
