// Command line and environment, parsed once at boot by a schema: a bad value stops the hub with
// a message that says which flag or variable and what was expected.
import { parseArgs } from "node:util";
import { z } from "zod";
import { DEMO_IDS } from "./demo/index.js";

export const DEFAULT_PORT = 4000;

export const USAGE = `Usage: npm start -- [options]

  --port N            port to listen on (env PORT, default ${DEFAULT_PORT})
  --host ADDR         address to listen on (env HOST, default 0.0.0.0)
  --data DIR          data directory (env ROOMCAST_DATA, default ./var)
  --demo ID           built-in demo: ${DEMO_IDS.join(", ")} (env ROOMCAST_DEMO, default planet-nix-2025)
  --no-demo           start without a demo
  --schedule FILE     import a schedule file at start (env ROOMCAST_SCHEDULE)
  --zone ZONE         time zone for a schedule file that has none, e.g. Europe/Brussels
  --reset-password    generate a new organizer password (printed once)
  --quiet             print only errors
  --help              this text

  ROOMCAST_ADMIN_PASSWORD sets the organizer password (and replaces the stored one).`;

const ConfigSchema = z.object({
  port: z.coerce.number({ message: "expected a port number" }).int("expected a whole number").min(0).max(65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  demo: z.enum(DEMO_IDS, { message: `expected one of: ${DEMO_IDS.join(", ")}` }).nullable(),
  scheduleFile: z.string().min(1).nullable(),
  scheduleZone: z.string().min(1).optional(),
  adminPassword: z.string().min(8, "the organizer password needs at least 8 characters").nullable(),
  resetPassword: z.boolean(),
  quiet: z.boolean(),
  help: z.boolean(),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Where each field comes from, for error messages. */
const SOURCES: Record<string, string> = {
  port: "--port / PORT",
  host: "--host / HOST",
  dataDir: "--data / ROOMCAST_DATA",
  demo: "--demo / ROOMCAST_DEMO",
  scheduleFile: "--schedule / ROOMCAST_SCHEDULE",
  scheduleZone: "--zone",
  adminPassword: "ROOMCAST_ADMIN_PASSWORD",
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses argv (without node and script) and the environment; throws ConfigError with a clear message. */
export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): Config {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        data: { type: "string" },
        demo: { type: "string" },
        "no-demo": { type: "boolean" },
        schedule: { type: "string" },
        zone: { type: "string" },
        "reset-password": { type: "boolean" },
        quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (err) {
    throw new ConfigError(`${(err as Error).message}\n\n${USAGE}`);
  }
  const str = (v: string | boolean | undefined) => (typeof v === "string" ? v : undefined);
  const blankToNull = (v: string | undefined) => (v === undefined || v.trim() === "" ? null : v);
  const parsed = ConfigSchema.safeParse({
    port: str(values.port) ?? env.PORT ?? DEFAULT_PORT,
    host: str(values.host) ?? env.HOST ?? "0.0.0.0",
    dataDir: str(values.data) ?? env.ROOMCAST_DATA ?? "./var",
    demo: values["no-demo"] ? null : blankToNull(str(values.demo) ?? env.ROOMCAST_DEMO ?? "planet-nix-2025"),
    scheduleFile: blankToNull(str(values.schedule) ?? env.ROOMCAST_SCHEDULE),
    scheduleZone: str(values.zone),
    adminPassword: blankToNull(env.ROOMCAST_ADMIN_PASSWORD),
    resetPassword: values["reset-password"] === true,
    quiet: values.quiet === true,
    help: values.help === true,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const field = String(i.path[0] ?? "");
      return `  ${SOURCES[field] ?? field}: ${i.message}`;
    });
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
