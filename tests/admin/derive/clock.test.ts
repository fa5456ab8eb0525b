import { describe, expect, it } from "vitest";
import { offsetFromDateHeader, rateLabel } from "../../../admin/derive/clock.js";

describe("the rehearsal clock on the admin page", () => {
  it("labels rates", () => {
    expect(rateLabel(1)).toBe("1×");
    expect(rateLabel(2.5)).toBe("2.5×");
    expect(rateLabel(0)).toBe("paused");
  });
});

describe("the clock offset from the hub's Date header", () => {
  it("ignores differences under two seconds", () => {
    const sent = Date.parse("2025-03-06T17:00:00Z");
    expect(offsetFromDateHeader("Thu, 06 Mar 2025 17:00:01 GMT", sent, sent + 100)).toBe(0);
  });

  it("finds a device three hours behind the hub", () => {
    const hub = Date.parse("2025-03-06T17:00:00Z");
    const device = hub - 3 * 3600_000;
    const offset = offsetFromDateHeader("Thu, 06 Mar 2025 17:00:00 GMT", device, device + 200);
    expect(Math.abs(offset - 3 * 3600_000)).toBeLessThan(1000);
  });

  it("gives 0 without a usable header", () => {
    expect(offsetFromDateHeader(null, 0, 0)).toBe(0);
    expect(offsetFromDateHeader("not a date", 0, 0)).toBe(0);
  });
});
