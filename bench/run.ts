// `npm run bench [-- NAME… ] [--quick]`: runs every benchmark module in bench/ that exports
// run(), prints one table each and writes bench/results/<name>.json. The soak has its own
// script (`npm run soak`) because it runs for minutes.
import { readdirSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { pinSelfToLoadCore } from "./lib/children.js";
import { type BenchOptions, type BenchResult, writeResult } from "./lib/report.js";
import { formatTable, type Row } from "./lib/stats.js";

const NOT_BENCHMARKS = new Set(["run", "soak"]);

/** Benchmarks on a shared machine measure the neighbours too: say how busy it was. */
const load = () => `load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${cpus().length} cores`;

function isBenchResult(value: unknown): value is BenchResult {
  return typeof value === "object" && value !== null && Array.isArray((value as BenchResult).rows);
}

/** Prints whatever a module returned: our BenchResult as a table, anything else as rows or JSON. */
function print(name: string, value: unknown): void {
  console.log(`\n## ${name}`);
  if (isBenchResult(value)) {
    console.log(value.title);
    console.log(formatTable(value.rows));
    for (const note of value.notes ?? []) console.log(`  note: ${note}`);
  } else if (Array.isArray(value) && value.every((r) => typeof r === "object" && r !== null)) {
    console.log(formatTable(value as Row[]));
  } else if (value !== undefined) {
    console.log(JSON.stringify(value, null, 2));
  }
}

const args = process.argv.slice(2);
const options: BenchOptions = { quick: args.includes("--quick") };
const only = args.filter((a) => !a.startsWith("--"));
const dir = import.meta.dirname;
const names = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .map((f) => basename(f, ".ts"))
  .filter((n) => !NOT_BENCHMARKS.has(n) && (only.length === 0 || only.includes(n)))
  .sort();

console.log(`Roomcast benchmarks: ${names.join(", ")} — ${pinSelfToLoadCore()}`);
let failed = 0;
for (const name of names) {
  const mod = (await import(pathToFileURL(join(dir, `${name}.ts`)).href)) as { run?: (o: BenchOptions) => unknown };
  if (typeof mod.run !== "function") continue;
  const started = performance.now();
  try {
    const loadBefore = load();
    const result = await mod.run(options);
    print(name, result);
    const machine = { before: loadBefore, after: load() };
    console.log(`  (${Math.round(performance.now() - started)} ms; ${machine.before} before, ${machine.after} after)`);
    console.log(`  → ${writeResult(name, { ...(typeof result === "object" && result !== null ? result : { value: result }), machine })}`);
  } catch (error) {
    failed++;
    console.error(`\n## ${name} FAILED:`, error);
  }
}
process.exit(failed ? 1 : 0);
