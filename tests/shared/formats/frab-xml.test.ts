// frab / Pentabarf XML quirks, each reproduced by a fixture of our own.
import { describe, expect, it } from "vitest";
import { importSchedule } from "../../../shared/formats/index.js";
import { fixtureText, importFixture, local, refusal } from "./fixtures.js";

describe("frab / Pentabarf XML", () => {
  it("puts a 00:15 start listed under 27 December on 28 December when day_change is 04:00", () => {
    const { event } = importFixture("pentabarf-after-midnight.xml", "Europe/Berlin");
    const byTitle = new Map(event.sessions.map((s) => [s.title, s]));
    expect(local(byTitle.get("After Midnight")!.start, "Europe/Berlin")).toBe("2011-12-28T00:15");
    expect(local(byTitle.get("Late Talk")!.start, "Europe/Berlin")).toBe("2011-12-27T22:30");
    expect(event.dayChangeHour).toBe(4);
  });

  it("reads events without <room> wrappers from their own <room> child, and H:MM and HH:MM:SS durations", () => {
    const { event, report } = importFixture("pentabarf-after-midnight.xml", "Europe/Berlin");
    expect(event.rooms.map((r) => r.name)).toEqual(["Saal 1", "Saal 2"]);
    const byTitle = new Map(event.sessions.map((s) => [s.title, s]));
    expect(byTitle.get("After Midnight")!.end! - byTitle.get("After Midnight")!.start).toBe(45 * 60_000);
    expect(byTitle.get("Morning Talk")!.end! - byTitle.get("Morning Talk")!.start).toBe(30 * 60_000);
    expect(report.days).toBe(1);
  });

  it("trims titles and drops blank speaker names", () => {
    const { event } = importFixture("pentabarf-after-midnight.xml", "Europe/Berlin");
    expect(event.sessions.map((s) => s.title)).toContain("Morning Talk");
    expect(event.sessions.find((s) => s.title === "After Midnight")!.speakers).toEqual(["Grace Hopper"]);
  });

  it("reads UTC without a zone and says so in the report", () => {
    const { event, report } = importFixture("pentabarf-after-midnight.xml");
    expect(event.timeZone).toBe("UTC");
    expect(report.warnings.some((w) => /no time zone/.test(w.message))).toBe(true);
  });

  it("reads pretalx's D:HH:MM duration 1:02:30 as one day, two hours and thirty minutes", () => {
    const { event, report } = importFixture("pretalx-quirks.xml");
    const ctf = event.sessions.find((s) => s.title === "Community CTF")!;
    expect((ctf.end! - ctf.start) / 60_000).toBe(24 * 60 + 150);
    expect(report.warnings.some((w) => w.sessionKey === ctf.key && /over 8 h/.test(w.message) && w.line === 34)).toBe(true);
  });

  it("takes the event's own title, not the <title> nested in its <attachment>", () => {
    const { event } = importFixture("pretalx-quirks.xml");
    expect(event.sessions.map((s) => s.title)).toEqual(["Opening 🚩", "Community CTF"]);
  });

  it("keeps an empty room with its guid, and reduces Markdown and numeric entities to plain text", () => {
    const { event } = importFixture("pretalx-quirks.xml");
    expect(event.rooms.map((r) => [r.id, r.name, r.sourceId])).toEqual([
      ["stage-1", "Stage 1", "0bd4ab4e-2b13-5c8e-9a56-3b4cd4a4d001"],
      ["empty-tent", "Empty Tent", "0bd4ab4e-2b13-5c8e-9a56-3b4cd4a4d002"],
    ]);
    expect(event.sessions[0]!.abstract).toBe("Welcome to the camp! 🚩");
    expect(event.timeZone).toBe("Europe/Berlin");
  });

  it("uses the UTC <date> for the instant even though <start> is local (wafer), at a half-hour offset", () => {
    const { event } = importFixture("wafer-utc-dates.xml");
    const s = event.sessions[0]!;
    expect(new Date(s.start).toISOString()).toBe("2023-09-10T04:30:00.000Z");
    expect(local(s.start, "Asia/Kolkata")).toBe("2023-09-10T10:00");
    expect(event.timeZone).toBe("Asia/Kolkata");
    expect(s.type).toBe("keynote");
  });

  it("keeps the true length of a session across the autumn fall-back (Europe/Berlin, 2026-10-25)", () => {
    const { event } = importFixture("dst-inside.xml");
    const s = event.sessions[0]!;
    expect(s.end! - s.start).toBe(2 * 3_600_000);
    expect(local(s.start, "Europe/Berlin")).toBe("2026-10-25T01:30");
    expect(local(s.end!, "Europe/Berlin")).toBe("2026-10-25T02:30");
  });

  it("repairs a BOM, CRLF and control characters, and decodes double-escaped HTML", () => {
    const { event, report } = importFixture("bom-control-chars.xml");
    expect(report.repairs.map((r) => r.message)).toEqual([
      "removed a byte-order mark (BOM) at the start of the file",
      "normalised 16 CR/CRLF line ending(s) to LF",
      "removed 2 control character(s) (U+0006, U+0007) that XML forbids",
    ]);
    expect(report.repairs[2]!.line).toBe(12);
    const s = event.sessions[0]!;
    expect(s.title).toBe("Kohle & Klima");
    expect(s.abstract).toBe("Double & escaped");
  });

  it("repairs HTML entities that XML does not define, and lists the repair with its line", () => {
    const xml = fixtureText("dst-inside.xml").replace("<title>Across the Fall Back</title>", "<title>Caf&eacute;&nbsp;talk &bogus;</title>");
    const result = importSchedule({ text: xml });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.event.sessions[0]!.title).toBe("Café talk &bogus;");
    expect(result.report.repairs).toEqual([{ path: "line 14", line: 14, message: "replaced 3 HTML entity reference(s) that XML does not define (first: &eacute;)" }]);
  });

  it("keeps the true length across the spring-forward gap (America/Los_Angeles, 2025-03-09)", () => {
    const xml = fixtureText("pentabarf-after-midnight.xml").replace('date="2011-12-27"', 'date="2025-03-08"').replace("<start>00:15</start>", "<start>01:30</start>").replace("<duration>0:45</duration>", "<duration>01:00</duration>");
    const { event } = importFixture2(xml, "America/Los_Angeles");
    const s = event.sessions.find((x) => x.title === "After Midnight")!;
    expect(s.end! - s.start).toBe(3_600_000);
    expect(local(s.start, "America/Los_Angeles")).toBe("2025-03-09T01:30");
    expect(local(s.end!, "America/Los_Angeles")).toBe("2025-03-09T03:30");
  });

  it("refuses a <schedule> whose days hold <entry> elements, saying what it found", () => {
    const result = refusal(importSchedule({ text: fixtureText("europython-like.xml") }));
    expect(result.errors[0]!.message).toMatch(/<entry>.*no <room> or <event>/);
  });

  it("refuses a DOCTYPE that declares entities instead of expanding them", () => {
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n<schedule><day date="2020-01-01">&lol2;</day></schedule>`;
    const started = performance.now();
    const result = refusal(importSchedule({ text: laughs }));
    expect(result.errors[0]!.message).toMatch(/entity expansion is refused/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses XML that is no schedule, naming its root element and line", () => {
    const result = refusal(importSchedule({ text: "<?xml version='1.0'?>\n<rss><channel/></rss>" }));
    expect(result.errors[0]).toMatchObject({ path: "rss", line: 2 });
    expect(result.errors[0]!.message).toMatch(/<rss> root, which is not a schedule/);
  });

  it("refuses ill-formed XML with the line and column of the fault", () => {
    const result = refusal(importSchedule({ text: "<schedule>\n<day date='2020-01-01'>\n<room name='a'></day>\n</schedule>" }));
    expect(result.errors[0]!.line).toBe(3);
    expect(result.errors[0]!.message).toMatch(/not well-formed/);
  });
});

function importFixture2(text: string, zone: string) {
  const result = importSchedule({ text, zone });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}
