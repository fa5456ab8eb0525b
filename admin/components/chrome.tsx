// What frames every page: header with the hub clock, the rehearsal banner, the connection
// banner, the navigation and the feedback line.
import { useEffect, useRef } from "preact/hooks";
import { PAGES, VOLUNTEER_PAGES, routeHref, type Page } from "../derive/route.js";
import { useStores } from "../context.js";

const PAGE_LABELS: Record<Page, string> = {
  now: "Now",
  room: "Room",
  sessions: "Sessions",
  announcements: "Announce",
  screens: "Screens",
  volunteers: "Volunteers",
  log: "Log",
  clock: "Clock",
  schedule: "Schedule",
};

export function Header() {
  const { admin, clock, auth } = useStores();
  const state = admin.state.value;
  return (
    <header class="top">
      <span class="event-title">{state?.event.title ?? "Roomcast"}</span>
      <time class="hub-clock" data-testid="hub-clock">
        {clock.clockText}
      </time>
      <span class="who">{state ? (state.role.kind === "organizer" ? "Organizer" : state.role.name) : ""}</span>
      <button type="button" class="link-button" onClick={() => void auth.logout()}>
        Sign out
      </button>
    </header>
  );
}

export function Banners() {
  const { admin, clock } = useStores();
  const banner = clock.bannerText.value;
  return (
    <>
      {banner && (
        <p class="banner banner-rehearsal" data-testid="rehearsal-banner" role="status">
          {banner}
        </p>
      )}
      {!admin.connected.value && (
        <p class="banner banner-offline" role="status">
          Reconnecting to the hub… changes cannot be sent until it answers.
        </p>
      )}
    </>
  );
}

export function Nav({ current }: { current: Page }) {
  const { admin } = useStores();
  const organizer = admin.isOrganizer.value;
  const pages = PAGES.filter((p) => organizer || VOLUNTEER_PAGES.has(p));
  const nav = useRef<HTMLElement>(null);
  // On a phone the navigation scrolls sideways: keep the current page's tab in sight.
  useEffect(() => {
    const bar = nav.current;
    const tab = bar?.querySelector<HTMLElement>(".nav-link.active");
    if (bar && tab) bar.scrollLeft = tab.offsetLeft - (bar.clientWidth - tab.clientWidth) / 2;
  }, [current]);
  return (
    <nav class="nav" aria-label="Pages" ref={nav}>
      {pages.map((p) => (
        <a
          key={p}
          href={routeHref(p)}
          data-testid={`nav-${p}`}
          class={p === current ? "nav-link active" : "nav-link"}
          aria-current={p === current ? "page" : undefined}
        >
          {PAGE_LABELS[p]}
        </a>
      ))}
    </nav>
  );
}

export function FeedbackLine() {
  const { feedback } = useStores();
  const m = feedback.message.value;
  if (!m) return null;
  return (
    <p class={`feedback feedback-${m.kind}`} role={m.kind === "error" ? "alert" : "status"} data-testid="feedback">
      {m.text}
    </p>
  );
}
