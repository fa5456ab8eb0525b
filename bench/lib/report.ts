// What a benchmark module's run() returns, and how the runner stores it.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Row } from "./stats.js";

/** The result of one benchmark: a table for people and raw data for the JSON file. */
export interface BenchResult {
  title: string;
  /** One row per measured figure, with target and verdict where one exists. */
  rows: Row[];
  /** Anything else worth keeping (raw samples, settings). */
  data?: unknown;
  /** Caveats printed under the table (e.g. why a target is missed). */
  notes?: string[];
}

/** Options every benchmark accepts from the runner's command line. */
export interface BenchOptions {
  /** Shorter runs for a quick check (fewer repetitions, fewer screens). */
  quick: boolean;
}

export const RESULTS_DIR = join(import.meta.dirname, "..", "results");

/** Writes one result as bench/results/<name>.json and returns the path. */
export function writeResult(name: string, result: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(path, `${JSON.stringify({ name, at: new Date().toISOString(), result }, null, 2)}\n`);
  return path;
}
