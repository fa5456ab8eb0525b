// Small statistics and table helpers shared by every benchmark.

/** The q-quantile (0..1) of the values, nearest-rank; NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);
export const p99 = (values: readonly number[]): number => quantile(values, 0.99);
export const max = (values: readonly number[]): number => (values.length ? Math.max(...values) : Number.NaN);

/** Rounds for display: 3 significant decimals below 10, 1 above. */
export function round(value: number, digits = value < 10 ? 3 : 1): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export type Row = Record<string, string | number | boolean | null>;

/** Renders rows as a plain-text table with aligned columns. */
export function formatTable(rows: readonly Row[]): string {
  if (rows.length === 0) return "(no rows)";
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: Row[string] | undefined): string =>
    v === undefined || v === null ? "" : typeof v === "number" ? String(round(v)) : String(v);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(columns), line(widths.map((w) => "-".repeat(w))), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join(
    "\n",
  );
}

/** Verdict text for a measured value against an upper bound. */
export function verdict(value: number, limit: number): string {
  if (!Number.isFinite(value)) return "n/a";
  return value <= limit ? "ok" : `MISSED by ${round(value - limit)} (${round((value / limit - 1) * 100, 0)}%)`;
}
