// Importing an updated schedule from the admin page: the preview shows the diff and the change
// that will no longer apply; applying it keeps the delay that still applies.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { requireOrganizer } from "../../server/app.js";
import { createImportRouter } from "../../server/import/routes.js";
import { closeImportWorker } from "../../server/import/worker.js";
import { describeBrowser, openBrowser, REPO_ROOT, startHub, TEST_PASSWORD, type TestHub } from "./harness.js";

const AT_1115 = Date.parse("2025-03-06T11:15:00-08:00");
const NIX_IN_THE_WILD = "pn25-0306-room-1-1330";
const FASTER = "pn25-0306-room-1-1130";

describeBrowser("importing an updated schedule on the admin page", () => {
  let hub: TestHub;
  let browser: Browser;
  let admin: Page;
  let dir = "";
  let updated = "";

  beforeAll(async () => {
    // The hub runs an imported file (not the demo, whose changes an import would drop).
    dir = mkdtempSync(join(tmpdir(), "roomcast-import-"));
    const original = JSON.parse(readFileSync(join(REPO_ROOT, "server/demo/planet-nix-2025.json"), "utf8")) as { sessions: { key: string; title: string }[] };
    const file = join(dir, "planet-nix.json");
    writeFileSync(file, JSON.stringify(original));
    // The update drops "Nix in the Wild" and renames the 11:30 talk.
    original.sessions = original.sessions.filter((s) => s.key !== NIX_IN_THE_WILD);
    original.sessions.find((s) => s.key === FASTER)!.title = "How to make Nix six times faster";
    updated = JSON.stringify(original);

    hub = await startHub({
      demo: null,
      scheduleFile: file,
      clockStart: AT_1115,
      // The import API as the hub mounts it (idempotent if the hub already mounts its own).
      extraRouters: (h, { auth }) => [
        createImportRouter({
          getEvent: () => h.schedule.stored.event,
          getChanges: () => h.schedule.changes.map((c) => c.change),
          replaceEvent: async (event, source, report) => ({ version: h.importEvent(event, `${source.kind}:${source.name}`, report) }),
          requireOrganizer: requireOrganizer(auth),
        }),
      ],
    });
    browser = await openBrowser();
    admin = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await admin.goto(`${hub.url}/admin/`);
    await admin.locator("input[name=password]").fill(TEST_PASSWORD);
    await admin.locator("button[type=submit]").click();
    await admin.getByTestId("nav-now").waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.dispose();
    await closeImportWorker();
    rmSync(dir, { recursive: true, force: true });
  });

  it("previews the diff with the orphaned change, then applies it keeping the still-valid delay", async () => {
    // Two changes first: a delay that survives the update and a cancel whose session vanishes.
    await admin.goto(`${hub.url}/admin/#/room/room-1`);
    await admin.getByTestId("late-10").click();
    await admin.getByTestId("confirm").click();
    await expect.poll(() => admin.getByTestId("current-session").textContent()).toContain("+10 min late");
    await admin.goto(`${hub.url}/admin/#/sessions/room-1/2025-03-06`);
    const wild = admin.locator('[data-testid="session-row"]').filter({ hasText: "Nix in the Wild" });
    await wild.getByRole("button", { name: /Nix in the Wild/ }).click();
    await wild.getByRole("button", { name: "Cancel session" }).click();
    await expect.poll(() => admin.locator('[data-testid="session-row"]').filter({ hasText: "Nix in the Wild" }).textContent()).toContain("Cancelled");

    await admin.getByTestId("nav-schedule").click();
    await admin.getByTestId("import-file").setInputFiles({ name: "planet-nix-updated.json", mimeType: "application/json", buffer: Buffer.from(updated) });
    await admin.getByTestId("import-preview").click();
    const report = admin.getByTestId("import-report");
    await expect.poll(() => report.textContent(), { timeout: 10_000 }).toContain("1 removed: Nix in the Wild");
    expect(await report.textContent()).toContain("1 change(s) will no longer apply");
    expect(await report.textContent()).toMatch(/1 edited: How to make Nix six times faster/);

    // Nothing is applied by the preview.
    await admin.goto(`${hub.url}/admin/#/room/room-1`);
    await expect.poll(() => admin.getByTestId("next-session").textContent()).toContain("five times faster");

    await admin.getByTestId("nav-schedule").click();
    await admin.getByTestId("import-file").setInputFiles({ name: "planet-nix-updated.json", mimeType: "application/json", buffer: Buffer.from(updated) });
    await admin.getByTestId("import-preview").click();
    await expect.poll(() => admin.getByTestId("import-report").textContent(), { timeout: 10_000 }).toContain("removed");
    await admin.getByTestId("import-apply").click();
    await expect.poll(() => admin.getByTestId("feedback").textContent(), { timeout: 10_000 }).toContain("Schedule imported");

    await admin.goto(`${hub.url}/admin/#/room/room-1`);
    await expect.poll(() => admin.getByTestId("next-session").textContent()).toContain("six times faster");
    // The delay on the 11:00 talk ("Docker Was Too Slow…") still applies.
    expect(await admin.getByTestId("current-session").textContent()).toContain("+10 min late");
  });
});
