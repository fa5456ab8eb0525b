// Import a schedule file or pasted text: preview (dry run: report and diff) first, then apply.
import { useState } from "preact/hooks";
import { useStores } from "../context.js";
import { ImportAnswerSchema, importSummary } from "../derive/import-result.js";

/** Largest file the page sends, bytes; the hub has its own limit. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

async function postImport(content: string, zone: string, kind: "file" | "text", name: string, dryRun: boolean): Promise<{ ok: boolean; lines: string[] }> {
  const params = new URLSearchParams({ zone, kind, name });
  if (dryRun) params.set("dryRun", "1");
  try {
    const res = await fetch(`/api/import?${params}`, {
      method: "POST",
      // Not JSON: the hub reads the raw body, whatever the format.
      headers: { "content-type": "application/octet-stream" },
      body: content,
      credentials: "same-origin",
    });
    const body: unknown = await res.json().catch(() => ({}));
    const parsed = ImportAnswerSchema.safeParse(body);
    const lines = parsed.success ? importSummary(parsed.data) : [];
    return { ok: res.ok, lines: lines.length > 0 ? lines : [`HTTP ${res.status}`] };
  } catch {
    return { ok: false, lines: ["The hub cannot be reached."] };
  }
}

export function ImportForm() {
  const { admin, feedback } = useStores();
  const [content, setContent] = useState("");
  const [zone, setZone] = useState(admin.zone.value);
  const [preview, setPreview] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const run = (dryRun: boolean) => {
    setBusy(true);
    void postImport(content, zone, fileName ? "file" : "text", fileName ?? "pasted text", dryRun).then((r) => {
      setBusy(false);
      if (dryRun) setPreview(r);
      else if (r.ok) {
        setPreview(null);
        feedback.show("ok", "Schedule imported");
      } else setPreview(r);
    });
  };
  return (
    <section class="card">
      <h3>Import a schedule</h3>
      <p class="muted">pretalx, frab/Pentabarf XML, schedule.json, Sessionize, iCal, Roomcast JSON, or pasted text.</p>
      <input type="file" data-testid="import-file" onChange={(e) => {
        const file = e.currentTarget.files?.[0];
        if (!file) return;
        if (file.size > MAX_IMPORT_BYTES) return feedback.show("error", "The file is too large.");
        void file.text().then((t) => { setContent(t); setFileName(file.name); setPreview(null); });
      }} />
      <textarea rows={6} data-testid="import-text" placeholder="…or paste the schedule here" value={content}
        onInput={(e) => { setContent(e.currentTarget.value); setFileName(null); setPreview(null); }} />
      <label>Time zone <input value={zone} onInput={(e) => setZone(e.currentTarget.value)} /></label>
      <div class="row">
        <button type="button" class="action secondary" data-testid="import-preview" disabled={busy || content === ""} onClick={() => run(true)}>Preview</button>
        <button type="button" class="action primary" data-testid="import-apply" disabled={busy || !preview?.ok} onClick={() => run(false)}>Apply</button>
      </div>
      {preview && (
        <ul class={preview.ok ? "preview-lines" : "preview-lines feedback-error"} data-testid="import-report">
          {preview.lines.map((l, i) => <li key={i}>{l}</li>)}
        </ul>
      )}
    </section>
  );
}
