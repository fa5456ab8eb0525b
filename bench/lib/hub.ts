// Starting a hub child for a benchmark and connecting its organizer.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BenchAdmin, connectAdmin, login } from "./admin.js";
import { bundleServer, IMPORT_WORKER_ENTRY } from "../../scripts/build-server.js";
import { type ChildHandle, REPO_ROOT, startChild } from "./children.js";

let bundled: Promise<string> | null = null;
/**
 * The hub child as `npm start` runs the hub: one bundled file (with the import worker's beside
 * it) started by plain Node, not tsx, so a restart costs what it costs in production. Bundled
 * once per benchmark process into bench/.build/.
 */
export function hubChildBundle(): Promise<string> {
  const outdir = join(REPO_ROOT, "bench", ".build");
  bundled ??= bundleServer([join(REPO_ROOT, "bench/lib/hub-child.ts"), IMPORT_WORKER_ENTRY], outdir).then(() => join(outdir, "hub-child.js"));
  return bundled;
}

export interface BenchHub {
  child: ChildHandle;
  port: number;
  httpUrl: string;
  wsUrl: string;
  dataDir: string;
  admin: BenchAdmin;
  /** performance.now() when the hub process reported it was listening. */
  listeningAt: number;
  /** Stops the hub process; keeps the data directory unless `removeData`. */
  stop(removeData?: boolean): Promise<void>;
}

export interface HubSpawnOptions {
  dataDir?: string;
  port?: number;
  monitorLoopFromStart?: boolean;
  clockStart?: number | null;
  /** Defaults to the Planet Nix demo; null starts from what the data directory holds. */
  demo?: string | null;
  /** A schedule file imported at start (instead of the demo). */
  scheduleFile?: string | null;
  /** Runs as soon as the hub is ready, before the organizer logs in (e.g. start a CPU profile). */
  onReady?: (child: ChildHandle) => Promise<unknown>;
  /**
   * Wait (default) until the hub's import worker has started and warmed up, as on a hub that has
   * been running a while: it starts once no connection has arrived for 2 s and takes about a
   * second of CPU on the hub's core, which would otherwise land in the middle of a measurement.
   */
  settle?: boolean;
}

export async function startBenchHub(options: HubSpawnOptions = {}): Promise<BenchHub> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "roomcast-bench-"));
  const { onReady, settle = true, ...childOptions } = options;
  // BENCH_HUB_FLAGS: extra Node flags for hub children (e.g. --trace-gc, --cpu-prof) when investigating.
  const extra = process.env.BENCH_HUB_FLAGS?.split(" ").filter(Boolean) ?? [];
  const child = startChild(await hubChildBundle(), [JSON.stringify({ ...childOptions, dataDir })], ["--expose-gc", ...extra]);
  const ready = await child.waitFor<{ port: number; adminPassword: string }>("ready");
  const listeningAt = performance.now();
  if (settle) await child.request("import-worker:warm");
  await onReady?.(child);
  const httpUrl = `http://127.0.0.1:${ready.port}`;
  const admin = await connectAdmin(httpUrl, await login(httpUrl, ready.adminPassword));
  return {
    child,
    port: ready.port,
    httpUrl,
    wsUrl: `ws://127.0.0.1:${ready.port}`,
    dataDir,
    admin,
    listeningAt,
    async stop(removeData = true) {
      admin.close();
      await child.kill("SIGTERM");
      if (removeData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
