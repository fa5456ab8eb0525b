import { describe, expect, it } from "vitest";
import { LOBBY_DWELL_MS, pageAt, rowsPerPage } from "../../display/paging.js";

const rooms = Array.from({ length: 30 }, (_, i) => `room-${i + 1}`);

describe("paging the lobby board", () => {
  it("shows every room on one page when they fit", () => {
    const page = pageAt(rooms.slice(0, 4), rowsPerPage(1920, 1080), 0);
    expect(page).toEqual({ items: rooms.slice(0, 4), index: 0, count: 1 });
  });

  it("splits 30 rooms into even pages on a landscape 1080p board", () => {
    const perPage = rowsPerPage(1920, 1080);
    const first = pageAt(rooms, perPage, 0);
    expect(first.count).toBe(Math.ceil(30 / perPage));
    expect(first.items.length).toBeLessThanOrEqual(perPage);
    const all = Array.from({ length: first.count }, (_, i) => pageAt(rooms, perPage, i * LOBBY_DWELL_MS).items).flat();
    expect(all).toEqual(rooms);
  });

  it("fits more rows on a portrait board than on a landscape one", () => {
    expect(rowsPerPage(1080, 1920)).toBeGreaterThan(rowsPerPage(1920, 1080));
  });

  it("turns the page only after the dwell time, and wraps around", () => {
    const perPage = 8;
    expect(pageAt(rooms, perPage, LOBBY_DWELL_MS - 1).index).toBe(0);
    expect(pageAt(rooms, perPage, LOBBY_DWELL_MS).index).toBe(1);
    const count = pageAt(rooms, perPage, 0).count;
    expect(pageAt(rooms, perPage, count * LOBBY_DWELL_MS).index).toBe(0);
  });
});
