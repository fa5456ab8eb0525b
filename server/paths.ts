// Where Roomcast's own files are. Found by walking up from this module to the package's root, so
// the same code finds them when it runs from its TypeScript sources (tsx, the tests) and when it
// runs from the bundle `npm run build` writes to dist-server/.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const PACKAGE_NAME = "roomcast";

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === PACKAGE_NAME) return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find Roomcast's package.json above ${from}`);
  }
}

/** The directory holding Roomcast's package.json. */
export const ROOT = packageRoot(import.meta.dirname);

/** A path inside Roomcast, e.g. `rootPath("display", "sw.js")`. */
export function rootPath(...parts: string[]): string {
  return resolve(ROOT, ...parts);
}
