// Resync by delta: a screen holding the previous content of its view gets what changed since
// (shared/snapshot-delta.ts) instead of the whole snapshot. Per view the hub keeps one previous
// content (the last one it replaced) and builds the delta from it once per version, serialised.
import { contentHash, diff } from "../shared/snapshot-delta.js";
import { fold } from "../shared/timeline.js";
import type { Schedule } from "./schedule.js";
import { contentJson, sameSession, type ViewContent, viewContent, viewRoom } from "./views.js";

/** A view's content at one version, as the hub's content cache holds it. */
export interface VersionedContent {
  version: number;
  since: number;
  content: ViewContent;
  json: string;
}

interface Prior {
  /** Versions from `since` to `until` (inclusive) showed this content. */
  since: number;
  until: number;
  content: ViewContent;
  hash: number;
  /** The delta to the current content, serialised; rebuilt when the current version moves on. */
  built: { version: number; json: string } | null;
}

/** The last version a conference-day turn made (no change: the same fold, another day's views), and an instant of the day before. */
export interface DayTurn {
  version: number;
  before: number;
}

export function createViewDeltas(schedule: Schedule, contentFor: (view: string | null) => VersionedContent, lastDayTurn: () => DayTurn | null = () => null) {
  const priors = new Map<string, Prior>();

  /** Called when a view's content changed: `before` is what its screens held until now. */
  function replaced(view: string | null, before: VersionedContent, current: VersionedContent): void {
    priors.set(viewRoom(view), { since: before.since, until: current.since - 1, content: before.content, hash: contentHash(before.json), built: null });
  }

  // After a restart nothing is remembered: the previous version's content is the fold without the
  // last change, if that change made the last version, or the same fold on the day before, if the
  // conference day turning made it (else the hash will not match and the screen asks for the
  // whole snapshot).
  function rebuilt(view: string | null, current: VersionedContent): Prior | null {
    const changes = schedule.changes;
    if (current.since !== schedule.version) return null;
    const turn = lastDayTurn();
    let content: ViewContent;
    if (turn?.version === schedule.version) content = viewContent(schedule.effective, view, turn.before);
    else if (changes.length === 0) return null;
    else content = viewContent(fold(schedule.stored.event, changes.slice(0, -1).map((c) => c.change)), view, schedule.now());
    const prior = { since: schedule.version - 1, until: schedule.version - 1, content, hash: contentHash(contentJson(content)), built: null };
    priors.set(viewRoom(view), prior);
    return prior;
  }

  /**
   * The delta for a screen of `view` holding `held`, as JSON `{"baseHash":…,"content":…}` (the
   * hello reply adds the per-screen head), or null when the hub has no base for that version or
   * the delta would not be smaller than the content itself.
   */
  function deltaFor(view: string | null, held: number): string | null {
    const current = contentFor(view);
    let prior: Prior | null | undefined = priors.get(viewRoom(view));
    if (prior && prior.until !== current.since - 1) prior = null; // from before the last restart's fold
    prior ??= held === schedule.version - 1 ? rebuilt(view, current) : null;
    if (!prior || held < prior.since || held > prior.until) return null;
    if (prior.built?.version !== current.version) {
      const json = `{"baseHash":${prior.hash},"content":${JSON.stringify(diff(prior.content, current.content, sameSession))}}`;
      prior.built = { version: current.version, json };
    }
    return prior.built.json.length < current.json.length ? prior.built.json : null;
  }

  return { replaced, deltaFor };
}

export type ViewDeltas = ReturnType<typeof createViewDeltas>;
