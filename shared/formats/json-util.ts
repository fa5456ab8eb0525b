// Small readers for untyped JSON: importers never trust a shape they did not check.

export type Json = unknown;

export function isObject(v: Json): v is Record<string, Json> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function obj(v: Json): Record<string, Json> {
  return isObject(v) ? v : {};
}

export function arr(v: Json): Json[] {
  return Array.isArray(v) ? v : [];
}

/** A string, or a number written as one; null for anything else. */
export function str(v: Json): string | null {
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

/** A localizable value: a string, or a `{"en": …, "de": …}` map (schedule2, pretalx I18n). */
export function localized(v: Json, preferred = "en"): string | null {
  const s = str(v);
  if (s !== null) return s;
  if (!isObject(v)) return null;
  const direct = str(v[preferred]);
  if (direct !== null) return direct;
  for (const value of Object.values(v)) {
    const t = str(value);
    if (t !== null && t.trim()) return t;
  }
  return null;
}

/** A person's display name in any of the shapes real files use (README §2.2). */
export function personName(p: Json): string | null {
  if (typeof p === "string") return p;
  const o = obj(p);
  return str(o.name) ?? str(o.public_name) ?? str(o.full_public_name) ?? str(o.fullName) ?? null;
}
