// The JavaScript a screen downloads: the display entry and every chunk it imports, built with the
// project's Vite config for both pages (as the hub serves them, so chunks shared with the admin
// page count). Budget: 50 kB gzip (issues 5 and 7); zod and luxon must never reach a screen.
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Rollup } from "vite";
import { beforeAll, describe, expect, it } from "vitest";

const REPO_ROOT = resolve(import.meta.dirname, "../..");
const BUDGET_BYTES = 50 * 1024;

let screenChunks: Rollup.OutputChunk[] = [];

beforeAll(async () => {
  const output = (await build({
    configFile: resolve(REPO_ROOT, "vite.config.ts"),
    logLevel: "silent",
    mode: "production",
    build: { write: false },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((c): c is Rollup.OutputChunk => c.type === "chunk");
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith("display/index.html"));
  if (!entry) throw new Error("no display entry chunk in the build");
  // Static imports only: what the page loads before it runs.
  const seen = new Set<string>();
  const visit = (chunk: Rollup.OutputChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    screenChunks.push(chunk);
    for (const file of chunk.imports) visit(byFile.get(file)!);
  };
  screenChunks = [];
  visit(entry);
}, 60_000);

const modulesOf = () => screenChunks.flatMap((c) => Object.keys(c.modules).filter((id) => (c.modules[id]?.renderedLength ?? 0) > 0));

describe("the display bundle", () => {
  it("stays within 50 kB of gzipped JavaScript, shared chunks included", () => {
    const gzip = screenChunks.reduce((n, c) => n + gzipSync(c.code, { level: 9 }).length, 0);
    expect(gzip).toBeGreaterThan(10 * 1024); // the whole screen is in there, not an empty stub
    expect(gzip).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it("carries neither zod nor luxon", () => {
    const modules = modulesOf();
    expect(modules.some((id) => id.includes("node_modules/preact/"))).toBe(true);
    expect(modules.filter((id) => /node_modules\/(zod|luxon)\//.test(id))).toEqual([]);
  });

  it("loads no zod-bearing or luxon-bearing module of ours (model, protocol, time)", () => {
    const ours = modulesOf().filter((id) => id.startsWith(REPO_ROOT) && !id.includes("node_modules"));
    expect(ours.some((id) => id.endsWith("shared/zoned.ts"))).toBe(true);
    expect(ours.filter((id) => /shared\/(model|protocol|time)\.ts$/.test(id))).toEqual([]);
  });
});
