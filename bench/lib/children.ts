// Child processes for benchmarks: the hub (or the ws reference) runs in its own process,
// pinned to its own core where `taskset` exists, and answers requests over Node's IPC channel.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");
const TSX_LOADER = resolve(REPO_ROOT, "node_modules/tsx/dist/esm/index.mjs");
const hasTaskset = spawnSync("taskset", ["--version"]).status === 0;
const cpuCount = (await import("node:os")).availableParallelism();

/** The core the hub (or its reference) runs on; the load generator takes the next one. */
export const SERVER_CORE = 0;
export const LOAD_CORE = 1;

/** Pins the current process (all its threads) to the load-generator core, when possible. */
export function pinSelfToLoadCore(): string {
  if (!hasTaskset || cpuCount < 2) return "not pinned (no taskset or a single core)";
  const r = spawnSync("taskset", ["-a", "-cp", String(LOAD_CORE), String(process.pid)]);
  return r.status === 0 ? `load generator pinned to core ${LOAD_CORE}` : `pinning failed: ${r.stderr}`;
}

export interface ChildHandle {
  process: ChildProcess;
  /** Sends a request and resolves with the child's reply of the same id. */
  request<T>(type: string, payload?: unknown, timeoutMs?: number): Promise<T>;
  /** Resolves with the first message of this type (e.g. "ready"). */
  waitFor<T>(type: string, timeoutMs?: number): Promise<T>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts a module as a child with IPC, pinned to the server core: TypeScript through tsx, a
 * bundle (`.js`, see hubChildBundle) with plain Node as `npm start` runs the hub.
 */
export function startChild(script: string, args: string[] = [], nodeFlags: string[] = []): ChildHandle {
  const loader = script.endsWith(".ts") ? ["--import", TSX_LOADER] : [];
  const node = [...nodeFlags, ...loader, resolve(REPO_ROOT, script), ...args];
  const useTaskset = hasTaskset && cpuCount >= 2;
  const command = useTaskset ? "taskset" : process.execPath;
  const argv = useTaskset ? ["-c", String(SERVER_CORE), process.execPath, ...node] : node;
  const child = spawn(command, argv, { cwd: REPO_ROOT, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let nextId = 1;
  const pending = new Map<number, (value: unknown) => void>();
  const waiters = new Map<string, ((value: unknown) => void)[]>();
  child.on("message", (raw) => {
    const msg = raw as { id?: number; type: string; payload?: unknown };
    if (msg.id !== undefined && pending.has(msg.id)) {
      pending.get(msg.id)?.(msg.payload);
      pending.delete(msg.id);
      return;
    }
    for (const w of waiters.get(msg.type) ?? []) w(msg.payload);
    waiters.delete(msg.type);
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  return {
    process: child,
    request<T>(type: string, payload?: unknown, timeoutMs = 60_000) {
      const id = nextId++;
      return new Promise<T>((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`child did not answer ${type} within ${timeoutMs} ms`)), timeoutMs);
        pending.set(id, (v) => {
          clearTimeout(timer);
          res(v as T);
        });
        child.send({ id, type, payload });
      });
    },
    waitFor<T>(type: string, timeoutMs = 60_000) {
      return new Promise<T>((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`child sent no ${type} within ${timeoutMs} ms`)), timeoutMs);
        const list = waiters.get(type) ?? [];
        list.push((v) => {
          clearTimeout(timer);
          res(v as T);
        });
        waiters.set(type, list);
        child.once("exit", (code) => rej(new Error(`child exited (${code}) before ${type}`)));
      });
    },
    async kill(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export const chromiumPresent = existsSync("/usr/bin/chromium");
