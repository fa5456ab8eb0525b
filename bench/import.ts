// Import time and memory: the largest sample schedules and a generated 2 MB, 900-session frab
// XML (target: under 400 ms including the report), on the main thread and through the worker
// the hub uses (parse, structured clone back). `npm run bench -- import` or `tsx bench/import.ts`.
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { importSchedule } from "../shared/formats/index.js";
import { closeImportWorker, importInWorker } from "../server/import/worker.js";
import { type BenchOptions, type BenchResult, writeResult } from "./lib/report.js";
import { formatTable, median, round, type Row, verdict } from "./lib/stats.js";

const SAMPLES = resolve(import.meta.dirname, "../../shared/formats/samples");
const LARGEST = ["ccc-36c3-stages.schedule.json", "ccc-36c3-wiki.schedule.xml", "fosdem-2014-pentabarf-schedule.xml", "ccc-39c3-schedule-20251206-prerelease.xml"];
export const TARGET_MS = 400;

/** A frab XML like a big congress export: 3 days × 10 rooms × 30 sessions, ~2 MB. */
export function generatedFrabXml(days = 3, rooms = 10, perRoom = 30): string {
  const abstract = "Signage that keeps working when the Wi-Fi drops &amp; the hub restarts. ".repeat(13);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', "<schedule>", "  <version>bench</version>", "  <conference>", "    <acronym>benchcon</acronym>", "    <title>Bench Congress</title>", "    <time_zone_name>Europe/Berlin</time_zone_name>", "  </conference>"];
  let id = 1;
  for (let d = 0; d < days; d++) {
    const date = `2026-12-${String(27 + d).padStart(2, "0")}`;
    out.push(`  <day index="${d + 1}" date="${date}" start="${date}T10:00:00+01:00" end="${date}T23:59:00+01:00">`);
    for (let r = 0; r < rooms; r++) {
      out.push(`    <room name="Hall ${r + 1}" guid="00000000-0000-4000-8000-${String(r).padStart(12, "0")}">`);
      for (let e = 0; e < perRoom; e++) {
        const minutes = 10 * 60 + e * 25;
        const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
        const mm = String(minutes % 60).padStart(2, "0");
        out.push(
          `      <event guid="${crypto.randomUUID()}" id="${id}">`,
          `        <date>${date}T${hh}:${mm}:00+01:00</date>`,
          `        <start>${hh}:${mm}</start>`,
          "        <duration>00:20</duration>",
          `        <room>Hall ${r + 1}</room>`,
          `        <slug>benchcon-${id}</slug>`,
          `        <title>Session ${id}: keeping screens honest under load</title>`,
          "        <subtitle/>",
          "        <track>Infrastructure</track>",
          "        <type>lecture</type>",
          "        <language>en</language>",
          `        <abstract>${abstract}</abstract>`,
          `        <description>&lt;p&gt;${abstract}&lt;/p&gt;</description>`,
          `        <persons><person id="${id}">Speaker ${id}</person><person id="${id + 10000}">Co-speaker ${id}</person></persons>`,
          `        <links><link href="https://example.org/${id}">Slides</link></links>`,
          "      </event>",
        );
        id++;
      }
      out.push("    </room>");
    }
    out.push("  </day>");
  }
  out.push("</schedule>");
  return out.join("\n");
}

interface Measured {
  medianMs: number;
  /** CPU time of the process (all its threads) per import: steadier than wall time on a busy machine. */
  cpuMedianMs: number;
  maxMs: number;
  heapGrowthMb: number;
  sessions: number;
}

function measure(text: string, runs: number): Measured {
  importSchedule({ text }); // warm-up: JIT and luxon's zone caches
  const times: number[] = [];
  const cpu: number[] = [];
  let heapGrowth = 0;
  let sessions = 0;
  for (let i = 0; i < runs; i++) {
    const before = process.memoryUsage().heapUsed;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const result = importSchedule({ text });
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    // Heap right after the import, garbage included, approximates the peak it needed.
    heapGrowth = Math.max(heapGrowth, process.memoryUsage().heapUsed - before);
    sessions = result.ok ? result.report.sessions : -1;
  }
  return { medianMs: median(times), cpuMedianMs: median(cpu), maxMs: Math.max(...times), heapGrowthMb: heapGrowth / 1048576, sessions };
}

async function measureWorker(text: string, runs: number): Promise<number> {
  await importInWorker({ text }); // starts the worker and warms it
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await importInWorker({ text });
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function run(options: BenchOptions = { quick: false }): Promise<BenchResult> {
  const runs = options.quick ? 3 : 9;
  const inputs: Array<[string, string]> = [["generated frab XML (900 sessions)", generatedFrabXml()]];
  for (const file of LARGEST) if (existsSync(resolve(SAMPLES, file))) inputs.push([file, readFileSync(resolve(SAMPLES, file), "utf8")]);
  const rows: Row[] = [];
  const data: Record<string, unknown> = {};
  try {
    for (const [name, text] of inputs) {
      const m = measure(text, runs);
      const workerMs = await measureWorker(text, Math.max(3, Math.floor(runs / 2)));
      const generated = name.startsWith("generated");
      rows.push({
        input: name,
        "size MB": round(text.length / 1048576, 2),
        sessions: m.sessions,
        "median ms": round(m.medianMs, 1),
        "max ms": round(m.maxMs, 1),
        "cpu ms": round(m.cpuMedianMs, 1),
        "worker ms": round(workerMs, 1),
        "heap MB": round(m.heapGrowthMb, 1),
        target: generated ? `< ${TARGET_MS} ms` : "",
        verdict: generated ? verdict(workerMs, TARGET_MS) : "",
      });
      data[name] = { ...m, workerMedianMs: workerMs, chars: text.length };
    }
  } finally {
    await closeImportWorker();
  }
  return {
    title: `Schedule import: median of ${runs} runs after a warm-up; "worker ms" is end to end through the hub's worker thread`,
    rows,
    data,
    notes: [
      `load average at the end: ${loadavg().map((l) => round(l, 1)).join(", ")} on ${cpus().length} cores (wall times stretch when the machine is busy; "cpu ms" does not)`,
      `rss at the end: ${round(process.memoryUsage().rss / 1048576, 1)} MB`, "heap MB: heap used right after one import minus before it (garbage included), the largest over the runs"],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await run({ quick: process.argv.includes("--quick") });
  console.log(result.title);
  console.log(formatTable(result.rows));
  for (const note of result.notes ?? []) console.log(`  note: ${note}`);
  console.log(`→ ${writeResult("import", result)}`);
}
