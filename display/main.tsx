// The screen's composition root: the one place that touches the URL, localStorage, the window
// and the socket, builds the stores, and renders.
import { computed, effect, signal } from "@preact/signals";
import { render } from "preact";
import { viewFromPath } from "../shared/views.js";
import { labelsFor, localeFor } from "./labels.js";
import { pageAt, rowsPerPage, LOBBY_DWELL_MS } from "./paging.js";
import { createClock } from "./stores/clock.js";
import { createConnection, openDisplaySocket, screenIdFrom } from "./stores/connection.js";
import { createOnAir } from "./stores/on-air.js";
import { createSchedule } from "./stores/schedule.js";
import { registerServiceWorker } from "./service-worker.js";
import { browserStorage } from "./stores/storage.js";
import "./styles.css";
import { App } from "./views/App.js";

const params = new URLSearchParams(location.search);
const lang = params.get("lang");
const labels = labelsFor(lang);
document.documentElement.lang = localeFor(lang);
document.documentElement.dataset.theme = params.get("theme") === "light" ? "light" : "dark";

const storage = browserStorage();
const socket = openDisplaySocket();
const clock = createClock(socket, { storage });
const schedule = createSchedule(socket, {
  storage,
  screenId: screenIdFrom(storage),
  urlView: viewFromPath(location.pathname, location.search),
  reload: () => location.reload(),
});
// The rehearsal clock travels with the schedule; the clock store applies it.
effect(() => {
  clock.rehearsal.value = schedule.snapshot.value?.clock ?? null;
});
const connection = createConnection(socket, { clock, view: schedule.view, appVersion: schedule.knownBuild });
const air = createOnAir(schedule, clock, connection, labels, localeFor(lang));

const viewport = signal({ width: window.innerWidth, height: window.innerHeight });
window.addEventListener("resize", () => {
  viewport.value = { width: window.innerWidth, height: window.innerHeight };
});
const perPage = computed(() => rowsPerPage(viewport.value.width, viewport.value.height));
const pageSlot = computed(() => Math.floor(clock.hubReal.value / LOBBY_DWELL_MS));
const pinnedPage = Number(params.get("page"));
const lobbyPage = computed(() =>
  pageAt(air.lobbyRows.value, perPage.value, pageSlot.value * LOBBY_DWELL_MS, LOBBY_DWELL_MS, pinnedPage >= 1 ? pinnedPage - 1 : null),
);
const lobbyTitle = computed(() => schedule.snapshot.value?.event.title ?? "");
const identify = computed(() => {
  const id = schedule.identify.value;
  return id && clock.tickedAt.value <= id.until ? id : null;
});

clock.start();
registerServiceWorker();

const root = document.getElementById("app");
if (root) {
  render(
    <App air={air} schedule={schedule} labels={labels} lobbyTitle={lobbyTitle} lobbyPage={lobbyPage} identify={identify} />,
    root,
  );
}
