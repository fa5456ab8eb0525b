// The machine's floor under a broadcast (bench/lib/send-floor.c): compiled with the system's C
// compiler into bench/.build/ once per benchmark process, then run with the benchmark's cores.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { LOAD_CORE, REPO_ROOT, SERVER_CORE } from "./children.js";

export interface FloorRound {
  /** ms in the write loop: one write(2) of the frame per connection. */
  loopMs: number;
  /** ms from the loop's start until the receiver had every byte. */
  allMs: number;
  /** Bytes the receiver read in the round (count × size when nothing was lost or doubled). */
  bytes: number;
}

export type FloorResult = { rounds: FloorRound[] } | { unavailable: string };

/** Binaries by compiler, or why there is none. */
const compiled = new Map<string, string | { unavailable: string }>();

/** Compiles send-floor.c with `cc` (once per process): the binary's path, or why there is none. */
export function compileSendFloor(cc = process.env.CC ?? "cc"): string | { unavailable: string } {
  const known = compiled.get(cc);
  if (known) return known;
  const source = join(REPO_ROOT, "bench/lib/send-floor.c");
  const outDir = join(REPO_ROOT, "bench/.build");
  mkdirSync(outDir, { recursive: true });
  const binary = join(outDir, "send-floor");
  const result = spawnSync(cc, ["-O2", "-o", binary, source], { encoding: "utf8" });
  const outcome = result.error
    ? { unavailable: `no C compiler (${cc}: ${result.error.message}); install one with: apt-get install -y gcc` }
    : result.status !== 0
      ? { unavailable: `${cc} could not compile ${source}: ${result.stderr.trim()}` }
      : binary;
  compiled.set(cc, outcome);
  return outcome;
}

/** Writes `size` bytes to each of `count` loopback connections, `rounds` times, from C. */
export async function measureSendFloor(count: number, rounds: number, size: number, cc?: string): Promise<FloorResult> {
  const binary = compileSendFloor(cc);
  if (typeof binary !== "string") return binary;
  const child = spawn(binary, [count, rounds, size, SERVER_CORE, LOAD_CORE].map(String), { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`send-floor exited with ${code}: ${err.trim()}`);
  return parseSendFloor(out, count, rounds, size);
}

/**
 * The program's output as rounds, checked: as many rounds as asked, each with every byte of every
 * connection received (count × size), or an Error saying which round and what arrived.
 */
export function parseSendFloor(out: string, count: number, rounds: number, size: number): { rounds: FloorRound[] } {
  let parsed: { rounds?: unknown };
  try {
    parsed = JSON.parse(out) as { rounds?: unknown };
  } catch {
    throw new Error(`send-floor: expected one JSON line, got ${JSON.stringify(out.slice(0, 80))}`);
  }
  if (!Array.isArray(parsed.rounds) || parsed.rounds.length !== rounds) {
    throw new Error(`send-floor: expected ${rounds} rounds, got ${Array.isArray(parsed.rounds) ? parsed.rounds.length : "none"}`);
  }
  const expected = count * size;
  return {
    rounds: parsed.rounds.map((round: unknown, i) => {
      const [loopMs, allMs, bytes] = Array.isArray(round) ? (round as unknown[]) : [];
      if (typeof loopMs !== "number" || typeof allMs !== "number" || typeof bytes !== "number") {
        throw new Error(`send-floor: round ${i + 1} is not [loopMs, allMs, bytes]: ${JSON.stringify(round)}`);
      }
      if (bytes !== expected) throw new Error(`send-floor: round ${i + 1} delivered ${bytes} bytes, expected ${expected} (${count} × ${size})`);
      return { loopMs, allMs, bytes };
    }),
  };
}
