// The command line: parse the configuration, start the hub, print where everything is. The
// only file that listens for real; everything else is built by startRoomcast.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError, type Config, parseConfig, USAGE } from "./config.js";
import { startRoomcast, type RunningRoomcast } from "./roomcast.js";
import { ScheduleFileError } from "./schedule-file.js";
import { rootPath } from "./paths.js";

/** The console banner: URLs of the admin page, the lobby and every door screen, and the password. */
export function banner(running: RunningRoomcast): string {
  const { url } = running;
  const { event, rooms } = running.hub.schedule.effective;
  const lines = [
    "",
    `Roomcast is running: ${event.title}`,
    running.hub.schedule.effective.clock ? "  (rehearsal clock: screens show rehearsal time, not real time)" : "",
    "",
    `  Admin page:   ${url}/admin/`,
    `  Lobby board:  ${url}/display/lobby`,
    ...rooms.map((r) => `  Door screen:  ${url}/display/room/${encodeURIComponent(r.id)}   (${r.name})`),
    `  Unassigned:   ${url}/display   (pair it on the admin page)`,
    "",
  ];
  switch (running.passwordStatus) {
    case "generated":
    case "reset":
      lines.push(`  Organizer password: ${running.adminPassword}`, "  (shown once; it is stored only as a hash)");
      break;
    case "from-environment":
      lines.push("  Organizer password: from ROOMCAST_ADMIN_PASSWORD");
      break;
    case "stored":
      lines.push("  Organizer password: set earlier (reset it with --reset-password, or set ROOMCAST_ADMIN_PASSWORD)");
      break;
  }
  return lines.filter((l, i, all) => l !== "" || all[i - 1] !== "").join("\n") + "\n";
}

/** The message main prints when the hub cannot start; exit code 1 follows. */
export function startFailureMessage(err: unknown): string {
  if (err instanceof ScheduleFileError || err instanceof ConfigError) return `roomcast: ${err.message}`;
  if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") return `roomcast: the port is already in use (${(err as Error).message}); choose another with --port`;
  return `roomcast: cannot start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = parseConfig(process.argv.slice(2), process.env);
  } catch (err) {
    console.error(startFailureMessage(err));
    process.exit(1);
  }
  if (config.help) {
    console.log(USAGE);
    return;
  }
  let running: RunningRoomcast;
  try {
    running = await startRoomcast({
      dataDir: resolve(config.dataDir),
      port: config.port,
      host: config.host,
      demo: config.demo,
      scheduleFile: config.scheduleFile,
      ...(config.scheduleZone ? { scheduleZone: config.scheduleZone } : {}),
      adminPassword: config.adminPassword,
      resetPassword: config.resetPassword,
      distDir: rootPath("dist"),
      quiet: config.quiet,
    });
  } catch (err) {
    console.error(startFailureMessage(err));
    process.exit(1);
  }
  // The password is printed even when quiet: it is shown once and cannot be recovered.
  const text = banner(running);
  if (!config.quiet || running.passwordStatus === "generated" || running.passwordStatus === "reset") console.log(text);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!config.quiet) console.log(`roomcast: ${signal}, closing`);
    try {
      running.shutdown();
    } catch (err) {
      console.error("roomcast: close failed", err);
      process.exit(1);
    }
    process.exit(0);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

// Run as the program: `node dist-server/main.js` (npm start), or `tsx server/main.ts` (npm run dev).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
