// Texts of the rehearsal clock and the clock offset the admin page reads at sign-in.

/** "1×", "2.5×", "paused". */
export function rateLabel(rate: number): string {
  if (rate === 0) return "paused";
  return `${Number(rate.toFixed(2))}×`;
}

/**
 * Offset of the hub's real clock against this device, ms, from an HTTP `Date` header (whole
 * seconds) and the request's send/receive instants. Offsets under 2 s are noise and count as 0.
 */
export function offsetFromDateHeader(header: string | null, sentAt: number, receivedAt: number): number {
  if (!header) return 0;
  const hub = Date.parse(header);
  if (!Number.isFinite(hub)) return 0;
  // The header is truncated to the second: its true value lies in [hub, hub + 1000).
  const offset = hub + 500 - (sentAt + receivedAt) / 2;
  return Math.abs(offset) < 2000 ? 0 : Math.round(offset);
}
