// Namespaced, quiet-by-default logging for the hub. Domain code never logs; the hub's edges do.

export interface Log {
  /** Things an operator wants on the console at start (URLs, password hints); silenced by quiet. */
  info(message: string): void;
  /** Something went wrong but the hub carries on; silenced by quiet. */
  warn(message: string, detail?: unknown): void;
  /** Unexpected failures: always printed, with details that never go on the wire. */
  error(message: string, detail?: unknown): void;
  child(namespace: string): Log;
}

export function createLog(namespace: string, quiet = false): Log {
  const prefix = `[${namespace}]`;
  return {
    info(message) {
      if (!quiet) console.log(`${prefix} ${message}`);
    },
    warn(message, detail) {
      if (!quiet) console.warn(`${prefix} ${message}`, ...(detail === undefined ? [] : [detail]));
    },
    error(message, detail) {
      console.error(`${prefix} ${message}`, ...(detail === undefined ? [] : [detail]));
    },
    child(sub) {
      return createLog(`${namespace}:${sub}`, quiet);
    },
  };
}
