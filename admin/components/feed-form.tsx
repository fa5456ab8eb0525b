// Follow a schedule URL (pretalx, frab, FOSDEM-style): the hub polls it and shows the last
// success and the last error. GET/POST/DELETE /api/import/feed.
import { useEffect, useState } from "preact/hooks";
import { z } from "zod";
import { formatTime } from "../../shared/time.js";
import { useStores } from "../context.js";

const FeedStatusSchema = z.object({
  url: z.string().nullable(),
  intervalMs: z.number().nullable(),
  lastSuccessAt: z.number().nullable(),
  lastSuccess: z.string().nullable(),
  lastErrorAt: z.number().nullable(),
  lastError: z.string().nullable(),
});
type FeedStatus = z.infer<typeof FeedStatusSchema>;
const FeedAnswerSchema = z.object({ ok: z.boolean(), feed: FeedStatusSchema.optional(), message: z.string().optional() });

async function callFeed(method: "GET" | "POST" | "DELETE", body?: object): Promise<{ feed: FeedStatus | null; error: string | null }> {
  try {
    const res = await fetch("/api/import/feed", {
      method,
      credentials: "same-origin",
      ...(body ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
    });
    const parsed = FeedAnswerSchema.safeParse(await res.json().catch(() => ({})));
    if (!parsed.success) return { feed: null, error: `HTTP ${res.status}` };
    return { feed: parsed.data.feed ?? null, error: res.ok ? null : (parsed.data.message ?? `HTTP ${res.status}`) };
  } catch {
    return { feed: null, error: "The hub cannot be reached." };
  }
}

export function FeedForm() {
  const { admin, feedback } = useStores();
  const zone = admin.zone.value;
  const [status, setStatus] = useState<FeedStatus | null>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const [url, setUrl] = useState("");
  const [minutes, setMinutes] = useState(5);
  const settle = (r: { feed: FeedStatus | null; error: string | null }, ok?: string) => {
    if (r.feed) setStatus(r.feed);
    if (r.error) feedback.show("error", r.error);
    else if (ok) feedback.show("ok", ok);
  };
  useEffect(() => {
    void callFeed("GET").then((r) => (r.feed ? setStatus(r.feed) : setUnavailable(r.error)));
  }, []);
  const at = (ms: number | null) => (ms === null ? "" : ` at ${formatTime(ms, zone)}`);
  return (
    <section class="card">
      <h3>Follow a schedule URL</h3>
      {unavailable && !status && <p class="muted">{`Not available on this hub (${unavailable}).`}</p>}
      {status?.url && (
        <div data-testid="feed-status">
          <p>{`Following ${status.url} every ${Math.round((status.intervalMs ?? 0) / 60_000)} min`}</p>
          {status.lastSuccess && <p class="feedback-ok">{`Last success${at(status.lastSuccessAt)}: ${status.lastSuccess}`}</p>}
          {status.lastError && <p class="feedback-error">{`Last error${at(status.lastErrorAt)}: ${status.lastError}`}</p>}
          <button type="button" class="action secondary" onClick={() => void callFeed("DELETE").then((r) => settle(r, "Stopped following"))}>Stop following</button>
        </div>
      )}
      <form onSubmit={(e) => {
        e.preventDefault();
        void callFeed("POST", { url: url.trim(), intervalMinutes: minutes, zone }).then((r) => settle(r, "Following the URL"));
      }}>
        <label>URL <input type="url" class="url" required placeholder="https://pretalx.example/event/schedule/export/schedule.xml" value={url} onInput={(e) => setUrl(e.currentTarget.value)} /></label>
        <label>Every{" "}
          <select value={String(minutes)} onChange={(e) => setMinutes(Number(e.currentTarget.value))}>
            {[1, 5, 15, 60].map((m) => <option key={m} value={String(m)}>{`${m} min`}</option>)}
          </select>
        </label>
        <button type="submit" class="action secondary" disabled={url.trim() === ""}>Follow</button>
      </form>
    </section>
  );
}
