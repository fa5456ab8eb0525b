// importInWorker: the importer in a worker_thread. One long-lived worker serves jobs in turn;
// a job that runs past its time limit terminates the worker (a fresh one serves the next job).
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ImportInput } from "../../shared/formats/index.js";
import type { ImportResult } from "../../shared/formats/types.js";
import type { Change, Event } from "../../shared/model.js";
import type { PreparedImport } from "./prepare.js";

/** The schedule an import would replace (null: none yet), for the worker to diff against. */
export type CurrentSchedule = { event: Event; changes: readonly Change[] } | null;

export interface WorkerJob {
  id: number;
  input: ImportInput;
  /** When given, the worker also prepares the parsed event against it. */
  current?: CurrentSchedule;
}

export interface WorkerReply {
  id: number;
  result: ImportResult;
  /** Set when the job carried a current schedule and the parse succeeded. */
  prepared: PreparedImport | null;
}

/** Sent once by a worker when its warm-up is done. */
export interface WorkerReady {
  warm: true;
}

/** A parse that takes longer than this is stopped and refused. */
export const IMPORT_TIMEOUT_MS = 10_000;

interface Pending {
  resolve: (reply: Omit<WorkerReply, "id">) => void;
  timer: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  /** Jobs sent to this worker: a terminated worker fails only its own jobs. */
  pending: Map<number, Pending>;
  warm: boolean;
}

/** Waiting for a worker to finish its warm-up (importWorkerWarm). */
const warmWaiters: (() => void)[] = [];

let slot: Slot | null = null;

/** The ESM entry of tsx's API (require.resolve would give the CommonJS one). */
function tsxApiUrl(from: string): string {
  const manifest = createRequire(from).resolve("tsx/package.json");
  return pathToFileURL(manifest.replace(/package\.json$/, "dist/esm/api/index.mjs")).href;
}
let nextId = 1;

function spawn(): Slot {
  const pending = new Map<number, Pending>();
  const here = import.meta.url;
  // Under tsx or vitest the sources are TypeScript: the worker registers tsx's loader first.
  const typescript = here.endsWith(".ts");
  const file = new URL(typescript ? "./worker-thread.ts" : "./worker-thread.js", here).href;
  const w = typescript
    ? new Worker(
        `(async () => { const api = await import(${JSON.stringify(tsxApiUrl(here))}); ` +
          `api.register(); await import(${JSON.stringify(file)}); })();`,
        { eval: true },
      )
    : new Worker(new URL(file));
  w.unref();
  const self: Slot = { worker: w, pending, warm: false };
  w.on("message", (msg: WorkerReply | WorkerReady) => {
    if ("warm" in msg) {
      self.warm = true;
      for (const resolve of warmWaiters.splice(0)) resolve();
      return;
    }
    const job = pending.get(msg.id);
    if (!job) return;
    clearTimeout(job.timer);
    pending.delete(msg.id);
    job.resolve({ result: msg.result, prepared: msg.prepared });
  });
  const failAll = (message: string) => {
    if (slot?.worker === w) slot = null;
    for (const [id, job] of pending) {
      clearTimeout(job.timer);
      pending.delete(id);
      job.resolve({ result: { ok: false, format: null, errors: [{ path: "(importer)", message }] }, prepared: null });
    }
  };
  w.on("error", (e) => failAll(`the import worker failed: ${e.message}`));
  w.on("exit", (code) => failAll(`the import worker exited (code ${code})`));
  return self;
}

/** Imports off the main thread; resolves (never rejects) with the importer's result. */
export async function importInWorker(input: ImportInput, timeoutMs = IMPORT_TIMEOUT_MS): Promise<ImportResult> {
  return (await runJob({ input }, timeoutMs)).result;
}

/**
 * Imports and prepares against `current` off the main thread: the parsed event with room ids
 * kept and its diff (prepared is null when the parse failed).
 */
export function importAndPrepareInWorker(input: ImportInput, current: CurrentSchedule, timeoutMs = IMPORT_TIMEOUT_MS): Promise<Omit<WorkerReply, "id">> {
  return runJob({ input, current }, timeoutMs);
}

function runJob(job: Omit<WorkerJob, "id">, timeoutMs: number): Promise<Omit<WorkerReply, "id">> {
  slot ??= spawn();
  const owner = slot;
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      owner.pending.delete(id);
      resolve({ result: { ok: false, format: null, errors: [{ path: "(importer)", message: `parsing took longer than ${timeoutMs} ms; refused` }] }, prepared: null });
      if (slot === owner) slot = null;
      void owner.worker.terminate();
    }, timeoutMs);
    owner.pending.set(id, { resolve, timer });
    owner.worker.postMessage({ ...job, id } satisfies WorkerJob);
  });
}

/** Starts the worker ahead of the first import (its TypeScript loader takes a moment to start). */
export function warmImportWorker(): void {
  slot ??= spawn();
}

/** Resolves once a worker has finished its warm-up (benchmarks wait for it before timing an import). */
export function importWorkerWarm(): Promise<void> {
  if (slot?.warm) return Promise.resolve();
  return new Promise((resolve) => warmWaiters.push(resolve));
}

/** Stops the worker (tests, hub shutdown); a later import starts a new one. */
export async function closeImportWorker(): Promise<void> {
  const current = slot;
  slot = null;
  if (current) await current.worker.terminate();
}
