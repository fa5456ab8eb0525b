// localStorage behind a tiny interface, so stores run in tests and survive a full or blocked
// storage (private mode, quota): a screen that cannot cache still shows the live schedule.

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export function browserStorage(): KeyValueStore {
  return {
    get(key) {
      try {
        return window.localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        window.localStorage.setItem(key, value);
      } catch (err) {
        console.warn("[roomcast:display] cannot store", key, err);
      }
    },
  };
}

/** In-memory store for tests. */
export function memoryStorage(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v) };
}
