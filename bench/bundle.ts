// Display JavaScript size (gzip) and each dependency's share. Builds the display entry alone
// with the project's Vite config (nothing written to disk), then attributes the gzip size to
// packages in proportion to each module's own gzip size.
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Rollup } from "vite";
import { REPO_ROOT } from "./lib/children.js";
import type { BenchResult } from "./lib/report.js";
import { type Row, verdict } from "./lib/stats.js";

const BUDGET_BYTES = 50 * 1024;
const gzipBytes = (text: string | Uint8Array) => gzipSync(text, { level: 9 }).length;

/** "preact", "@preact/signals-core", or "roomcast display/…" for our own code. */
function owner(id: string): string {
  if (id.startsWith("\0")) return "bundler runtime";
  const clean = id.replace(/\?.*$/, "");
  const nm = clean.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const parts = clean.slice(nm + "node_modules/".length).split("/");
    return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? clean);
  }
  const rel = clean.startsWith(REPO_ROOT) ? clean.slice(REPO_ROOT.length + 1) : clean;
  return rel.includes("/") ? `roomcast ${rel.split("/")[0]}/` : `roomcast ${rel}`;
}

export async function run(): Promise<BenchResult> {
  const output = (await build({
    configFile: resolve(REPO_ROOT, "vite.config.ts"),
    logLevel: "silent",
    build: { write: false },
    plugins: [
      {
        // Replace (not merge) the multi-page input, so only the display entry is built.
        name: "roomcast-display-only",
        config(config) {
          const input = { display: resolve(REPO_ROOT, "display/index.html") };
          config.build ??= {};
          config.build.rollupOptions = { ...config.build.rollupOptions, input };
          if (config.build.rolldownOptions) config.build.rolldownOptions = { ...config.build.rolldownOptions, input };
        },
      },
    ],
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const outputs = Array.isArray(output) ? output : [output];
  const chunks = outputs.flatMap((o) => o.output).filter((c): c is Rollup.OutputChunk => c.type === "chunk");
  const totalRaw = chunks.reduce((n, c) => n + Buffer.byteLength(c.code), 0);
  const totalGzip = chunks.reduce((n, c) => n + gzipBytes(c.code), 0);

  const byOwner = new Map<string, { rendered: number; gzip: number; modules: number }>();
  for (const chunk of chunks) {
    for (const [id, info] of Object.entries(chunk.modules)) {
      if (!info.renderedLength) continue;
      const key = owner(id);
      const entry = byOwner.get(key) ?? { rendered: 0, gzip: 0, modules: 0 };
      entry.rendered += info.renderedLength;
      entry.gzip += info.code ? gzipBytes(info.code) : 0;
      entry.modules += 1;
      byOwner.set(key, entry);
    }
  }
  const gzipSum = [...byOwner.values()].reduce((n, e) => n + e.gzip, 0) || 1;
  const shares: Row[] = [...byOwner.entries()]
    .sort((a, b) => b[1].gzip - a[1].gzip)
    .map(([name, e]) => ({
      figure: `  share: ${name} (${e.modules} modules)`,
      value: Math.round((e.gzip / gzipSum) * totalGzip),
      unit: "B gzip (est.)",
      percent: Math.round((e.gzip / gzipSum) * 1000) / 10,
      target: null,
      verdict: "",
    }));
  return {
    title: "Display bundle: JavaScript of the display entry, built alone with the project's Vite config",
    rows: [
      { figure: "display JS, minified", value: totalRaw, unit: "B", percent: null, target: null, verdict: "" },
      { figure: "display JS, gzip -9", value: totalGzip, unit: "B", percent: 100, target: BUDGET_BYTES, verdict: verdict(totalGzip, BUDGET_BYTES) },
      ...shares,
    ],
    data: { chunks: chunks.map((c) => ({ file: c.fileName, bytes: Buffer.byteLength(c.code), gzip: gzipBytes(c.code) })), owners: Object.fromEntries(byOwner) },
    notes: ["Shares divide the real gzip total in proportion to each package's modules gzipped on their own (pre-minification code)."],
  };
}
