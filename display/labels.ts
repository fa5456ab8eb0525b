// Every word a screen prints, in one place so a venue can translate it. English first; German
// for CCC-style events. Pick with `?lang=de`.

export interface Labels {
  assignMe: string;
  screen: string;
  waitingForHub: string;
  rehearsal: string;
  offlineSince: (time: string) => string;
  now: string;
  next: string;
  inMinutes: (minutes: number) => string;
  inHours: (hours: number, minutes: number) => string;
  startingNow: string;
  minutesLate: (minutes: number) => string;
  minutesEarly: (minutes: number) => string;
  minutesLeft: (minutes: number) => string;
  overrun: (minutes: number) => string;
  cancelled: string;
  insteadNext: string;
  movedTo: (room: string) => string;
  movedFrom: (room: string) => string;
  breakUntil: (what: string, time: string) => string;
  breakWord: string;
  lunchWord: string;
  thenNext: string;
  beforeEvent: (day: string, time: string) => string;
  between: string;
  doneForToday: string;
  tomorrowFrom: (time: string) => string;
  eventOver: string;
  thanks: string;
  roomFull: string;
  roomClosed: string;
  spaceIn: string;
  nothingElse: string;
  full: string;
  delayed: string;
  moved: string;
  noMoreToday: string;
  freeUntil: (time: string) => string;
  alsoNow: (titles: string) => string;
  emergency: string;
  page: (n: number, of: number) => string;
  unknownRoom: (id: string) => string;
}

const en: Labels = {
  assignMe: "assign me on the admin page",
  screen: "Screen",
  waitingForHub: "Waiting for the schedule…",
  rehearsal: "Rehearsal clock",
  offlineSince: (time) => `offline since ${time}`,
  now: "Now",
  next: "Next",
  inMinutes: (m) => `in ${m} min`,
  inHours: (h, m) => (m === 0 ? `in ${h} h` : `in ${h} h ${m} min`),
  startingNow: "starting now",
  minutesLate: (m) => `+${m} min late`,
  minutesEarly: (m) => `${m} min early`,
  minutesLeft: (m) => (m <= 1 ? "1 min left" : `${m} min left`),
  overrun: (m) => `running ${m} min over`,
  cancelled: "Cancelled",
  insteadNext: "Instead",
  movedTo: (room) => `Moved to ${room} →`,
  movedFrom: (room) => `Moved here from ${room}`,
  breakUntil: (what, time) => `${what} until ${time}`,
  breakWord: "Break",
  lunchWord: "Lunch",
  thenNext: "next",
  beforeEvent: (day, time) => `Starts ${day} at ${time}`,
  between: "Up next",
  doneForToday: "That's all for today in this room",
  tomorrowFrom: (time) => `Tomorrow from ${time}`,
  eventOver: "The event is over",
  thanks: "Thank you for coming!",
  roomFull: "Room full",
  roomClosed: "Room closed",
  spaceIn: "There is space in",
  nothingElse: "Please try again later",
  full: "Full",
  delayed: "late",
  moved: "Moved",
  noMoreToday: "No more sessions today",
  freeUntil: (time) => `Free until ${time}`,
  alsoNow: (titles) => `Also now: ${titles}`,
  emergency: "Emergency",
  page: (n, of) => `${n} / ${of}`,
  unknownRoom: (id) => `Unknown room “${id}”`,
};

const de: Labels = {
  assignMe: "bitte auf der Admin-Seite zuweisen",
  screen: "Bildschirm",
  waitingForHub: "Warte auf den Fahrplan…",
  rehearsal: "Probe-Uhr",
  offlineSince: (time) => `offline seit ${time}`,
  now: "Jetzt",
  next: "Danach",
  inMinutes: (m) => `in ${m} Min.`,
  inHours: (h, m) => (m === 0 ? `in ${h} Std.` : `in ${h} Std. ${m} Min.`),
  startingNow: "beginnt jetzt",
  minutesLate: (m) => `+${m} Min. später`,
  minutesEarly: (m) => `${m} Min. früher`,
  minutesLeft: (m) => (m <= 1 ? "noch 1 Min." : `noch ${m} Min.`),
  overrun: (m) => `${m} Min. überzogen`,
  cancelled: "Abgesagt",
  insteadNext: "Stattdessen",
  movedTo: (room) => `Verlegt nach ${room} →`,
  movedFrom: (room) => `Hierher verlegt aus ${room}`,
  breakUntil: (what, time) => `${what} bis ${time}`,
  breakWord: "Pause",
  lunchWord: "Mittagspause",
  thenNext: "danach",
  beforeEvent: (day, time) => `Beginnt ${day} um ${time}`,
  between: "Als Nächstes",
  doneForToday: "Für heute ist in diesem Raum Schluss",
  tomorrowFrom: (time) => `Morgen ab ${time}`,
  eventOver: "Die Veranstaltung ist vorbei",
  thanks: "Danke fürs Kommen!",
  roomFull: "Raum voll",
  roomClosed: "Raum geschlossen",
  spaceIn: "Platz gibt es in",
  nothingElse: "Bitte später wieder versuchen",
  full: "Voll",
  delayed: "später",
  moved: "Verlegt",
  noMoreToday: "Heute nichts mehr",
  freeUntil: (time) => `Frei bis ${time}`,
  alsoNow: (titles) => `Ebenfalls jetzt: ${titles}`,
  emergency: "Notfall",
  page: (n, of) => `${n} / ${of}`,
  unknownRoom: (id) => `Unbekannter Raum „${id}“`,
};

export const LANGUAGES = { en, de } as const;
export type Language = keyof typeof LANGUAGES;

/** The labels for a `?lang=` value; English when absent or unknown. */
export function labelsFor(lang: string | null | undefined): Labels {
  return lang === "de" ? de : en;
}

/** The locale for day names (Intl) in the chosen language. */
export function localeFor(lang: string | null | undefined): string {
  return lang === "de" ? "de" : "en";
}
