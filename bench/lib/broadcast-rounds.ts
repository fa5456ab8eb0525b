// One measured broadcast round, the same for the hub and the ws reference: trigger, then wait
// until every screen has received its frame; report the last arrival and the server's CPU.
import type { ChildHandle } from "./children.js";
import type { CpuSample } from "./child-protocol.js";
import type { BenchScreen } from "./screen-client.js";

export interface RoundResult {
  /** ms from the trigger until the last screen received its frame. */
  allMs: number;
  /** ms until half of the screens had it. */
  halfMs: number;
  /** Server CPU (user + system) over the round, µs. */
  cpuMicros: number;
  /** The server's garbage collection pauses reported over the round (and just after), ms. */
  gcMs: number;
  bytesPerScreen: number;
}

const cpuTotal = (c: CpuSample) => c.userMicros + c.systemMicros;

export async function measureRound(
  server: ChildHandle,
  screens: BenchScreen[],
  trigger: () => void,
  timeoutMs = 20_000,
): Promise<RoundResult> {
  const arrivals: number[] = [];
  let bytes = 0;
  const seen = new Set<BenchScreen>();
  let done: () => void = () => {};
  let timer: NodeJS.Timeout | undefined;
  const all = new Promise<void>((resolve, reject) => {
    done = resolve;
    timer = setTimeout(() => reject(new Error(`only ${seen.size}/${screens.length} screens received the broadcast`)), timeoutMs);
  }).finally(() => clearTimeout(timer));
  for (const s of screens) {
    s.onReceipt = (screen, r) => {
      if (seen.has(screen)) return;
      seen.add(screen);
      arrivals.push(r.at);
      bytes += r.bytes;
      if (seen.size === screens.length) done();
    };
  }
  const cpu0 = await server.request<CpuSample>("cpu");
  const t0 = performance.now();
  trigger();
  await all;
  const cpu1 = await server.request<CpuSample>("cpu");
  // GC entries reach the observer a turn after the pause: ask once more for the round's last ones.
  const gc1 = (await server.request<CpuSample>("cpu")).gcMs;
  for (const s of screens) s.onReceipt = null;
  arrivals.sort((a, b) => a - b);
  return {
    allMs: (arrivals[arrivals.length - 1] as number) - t0,
    halfMs: (arrivals[Math.floor(arrivals.length / 2)] as number) - t0,
    cpuMicros: cpuTotal(cpu1) - cpuTotal(cpu0),
    gcMs: gc1 - cpu0.gcMs,
    bytesPerScreen: bytes / screens.length,
  };
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
