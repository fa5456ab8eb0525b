// The build id screens compare with their own: a hash of the built display page, which names
// the content-hashed bundles, so it changes with every build that changes what screens run.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const DEV_APP_VERSION = "dev";

export function computeAppVersion(distDir: string): string {
  try {
    return createHash("sha256").update(readFileSync(join(distDir, "display", "index.html"))).digest("hex").slice(0, 12);
  } catch {
    // Not built (tests of the hub alone): screens and hub agree on "dev".
    return DEV_APP_VERSION;
  }
}
