// Small made-up schedules the import worker parses once it has started, before any upload: a
// fresh V8 isolate runs the importer's code interpreted and builds its Intl formatters on first
// use, which made the first real import two to three times slower than the next (profiled on
// the largest sample, c3voc JSON of 1.2 MB: 71 ms cold, 42 ms after these).
import type { ImportInput } from "../../shared/formats/index.js";

const ROOMS = ["Hall A", "Hall B", "Workshop"];
const ZONE_OFFSET = "+01:00";

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** A c3voc schedule.json (the format of the largest real files) of two days and three rooms. */
function c3vocJson(): string {
  let id = 1;
  const days = [10, 11].map((d, index) => ({
    index: index + 1,
    date: `2030-01-${d}`,
    day_start: `2030-01-${d}T09:00:00${ZONE_OFFSET}`,
    day_end: `2030-01-${d}T23:00:00${ZONE_OFFSET}`,
    rooms: Object.fromEntries(
      ROOMS.map((room) => [
        room,
        Array.from({ length: 8 }, (_, i) => {
          const n = id++;
          return {
            id: n,
            guid: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
            date: `2030-01-${d}T${pad(10 + i)}:00:00${ZONE_OFFSET}`,
            start: `${pad(10 + i)}:00`,
            duration: "00:45",
            room,
            slug: `warm-${n}`,
            url: `https://example.org/talk/${n}`,
            title: `Talk number ${n} about *things*`,
            subtitle: "",
            track: i % 2 ? "Systems" : "Community",
            type: i === 7 ? "workshop" : "Talk",
            language: "en",
            abstract: `An **abstract** with [a link](https://example.org) and\n\n- a list\n- of items ${n}`,
            description: "",
            persons: [{ id: n, public_name: `Speaker ${n}` }],
            links: [],
          };
        }),
      ]),
    ),
  }));
  return JSON.stringify({ schedule: { version: "1", conference: { acronym: "warm", title: "Warm-up", start: "2030-01-10", end: "2030-01-11", daysCount: 2, timeslot_duration: "00:15", time_zone_name: "Europe/Berlin", days } } });
}

/** The same kind of programme as frab/pentabarf XML. */
function frabXml(): string {
  let id = 1;
  const days = [10, 11]
    .map((d, index) => {
      const rooms = ROOMS.map((room) => {
        const events = Array.from({ length: 6 }, (_, i) => {
          const n = id++;
          return (
            `<event guid="00000000-0000-4000-9000-${String(n).padStart(12, "0")}" id="${n}">` +
            `<date>2030-01-${d}T${pad(10 + i)}:00:00${ZONE_OFFSET}</date><start>${pad(10 + i)}:00</start><duration>00:45</duration>` +
            `<room>${room}</room><slug>warm-${n}</slug><title>Talk &amp; number ${n}</title><subtitle/><track>Systems</track>` +
            `<type>lecture</type><language>en</language><abstract>Abstract ${n}</abstract><description/>` +
            `<persons><person id="${n}">Speaker ${n}</person></persons><links/></event>`
          );
        });
        return `<room name="${room}">${events.join("")}</room>`;
      });
      return `<day index="${index + 1}" date="2030-01-${d}" start="2030-01-${d}T09:00:00${ZONE_OFFSET}" end="2030-01-${d}T23:00:00${ZONE_OFFSET}">${rooms.join("")}</day>`;
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8"?><schedule><version>1</version><conference><acronym>warm</acronym>` +
    `<title>Warm-up</title><start>2030-01-10</start><end>2030-01-11</end><days>2</days><timeslot_duration>00:15</timeslot_duration>` +
    `<time_zone_name>Europe/Berlin</time_zone_name></conference>${days}</schedule>`
  );
}

/** An iCalendar feed with a zone id on every line, as exported by most calendar tools. */
function ical(): string {
  const events = Array.from({ length: 24 }, (_, i) => {
    const day = 10 + (i % 2);
    const hour = 10 + Math.floor(i / 2);
    return [
      "BEGIN:VEVENT",
      `UID:warm-${i}@example.org`,
      `DTSTART;TZID=Europe/Berlin:203001${day}T${pad(hour)}0000`,
      `DTEND;TZID=Europe/Berlin:203001${day}T${pad(hour)}4500`,
      `SUMMARY:Talk number ${i}`,
      `LOCATION:${ROOMS[i % ROOMS.length]}`,
      `DESCRIPTION:Abstract ${i}\\nwith a second line`,
      "END:VEVENT",
    ].join("\r\n");
  });
  return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Roomcast//warm-up//EN", ...events, "END:VCALENDAR", ""].join("\r\n");
}

/** Inputs worth parsing before the first upload, each a schedule the importer accepts. */
export function warmUpInputs(): ImportInput[] {
  return [
    { text: c3vocJson(), fileName: "warm-up.schedule.json" },
    { text: frabXml(), fileName: "warm-up.schedule.xml" },
    { text: ical(), fileName: "warm-up.ics" },
  ];
}

/** Rounds of the warm-up: enough for V8 to compile the hot paths, short enough (~60 ms) not to matter. */
export const WARM_UP_ROUNDS = 4;
