// Bundles the hub for `npm start`: server/main.ts and the import worker's thread, each one file in
// dist-server/ with every dependency inside but better-sqlite3 (a native addon, loaded from
// node_modules). Plain Node starts the bundle in about a third of the time tsx takes to compile
// and resolve the hub's hundreds of modules one by one, and a hub that restarts sooner has its
// screens back sooner: most of them then reconnect on their first try instead of after a backoff.
import { build } from "esbuild";
import { rootPath } from "../server/paths.js";

/** Where `npm run build` puts the hub. */
export const SERVER_BUNDLE_DIR = rootPath("dist-server");

/** The import worker's thread: an entry of every bundle that starts a hub (found beside it). */
export const IMPORT_WORKER_ENTRY = rootPath("server", "import", "worker-thread.ts");

/** The bundle's entries: what `node dist-server/main.js` runs, and the import worker it starts. */
export const SERVER_ENTRIES = [rootPath("server", "main.ts"), IMPORT_WORKER_ENTRY];

/**
 * Bundles `entries` into `outdir`, each as `<name>.js` side by side (the hub finds its import
 * worker next to itself). Throws esbuild's errors, each with its file and line.
 */
export async function bundleServer(entries: string[] = SERVER_ENTRIES, outdir = SERVER_BUNDLE_DIR): Promise<void> {
  await build({
    entryPoints: entries,
    outdir,
    entryNames: "[name]",
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Native addons stay in node_modules; ws's optional accelerators are not installed.
    external: ["better-sqlite3", "bufferutil", "utf-8-validate"],
    // The CommonJS packages inside (express, socket.io) require Node's modules at run time.
    banner: { js: "import { createRequire as roomcastRequire } from 'node:module'; const require = roomcastRequire(import.meta.url);" },
    logLevel: "warning",
  });
}

if (process.argv[1] && import.meta.filename === rootPath(process.argv[1])) {
  await bundleServer();
  console.log(`hub bundled into ${SERVER_BUNDLE_DIR}`);
}
