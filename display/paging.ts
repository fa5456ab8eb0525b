// Lobby paging: when the rooms do not fit (FOSDEM has 30+), show them a page at a time, long
// enough to read. Pages turn on hub time, so every lobby board in the venue turns together.

/** How long one page stays, real ms. */
export const LOBBY_DWELL_MS = 12_000;
/** Row height as a share of the viewport height. */
export const ROW_SHARE_LANDSCAPE = 0.094;
export const ROW_SHARE_PORTRAIT = 0.082;
/** Share of the viewport height left for rows (the rest: header, band, page marker). */
export const ROWS_AREA_SHARE = 0.78;

export function rowsPerPage(width: number, height: number): number {
  const share = height > width ? ROW_SHARE_PORTRAIT : ROW_SHARE_LANDSCAPE;
  return Math.max(1, Math.floor(ROWS_AREA_SHARE / share));
}

export interface Page<T> {
  items: T[];
  index: number;
  count: number;
}

/**
 * The page to show at `hubRealMs`, with rows spread evenly so the last page is not a stub.
 * `pinned` (0-based, from `?page=`) holds one page, e.g. for two boards side by side.
 */
export function pageAt<T>(items: T[], perPage: number, hubRealMs: number, dwellMs = LOBBY_DWELL_MS, pinned: number | null = null): Page<T> {
  const count = Math.max(1, Math.ceil(items.length / Math.max(1, perPage)));
  const size = Math.ceil(items.length / count);
  const index = pinned !== null ? Math.min(Math.max(0, pinned), count - 1) : Math.floor(hubRealMs / dwellMs) % count;
  return { items: items.slice(index * size, index * size + size), index, count };
}
