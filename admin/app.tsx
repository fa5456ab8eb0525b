// The page shell: sign-in gate, then header, banners, navigation and the routed page.
import { useStores } from "./context.js";
import { Banners, FeedbackLine, Header, Nav } from "./components/chrome.js";
import { resolveRoute } from "./derive/route.js";
import { AnnouncementsPage } from "./pages/announcements.js";
import { ClockPage } from "./pages/clock.js";
import { LogPage } from "./pages/log.js";
import { LoginPage } from "./pages/login.js";
import { NowPage } from "./pages/now.js";
import { RoomPage } from "./pages/room.js";
import { SchedulePage } from "./pages/schedule.js";
import { ScreensPage } from "./pages/screens.js";
import { SessionsPage } from "./pages/sessions.js";
import { VolunteersPage } from "./pages/volunteers.js";

export function App() {
  const { auth, admin, router } = useStores();
  if (auth.status.value === "checking") return <p class="splash">Connecting…</p>;
  if (auth.status.value === "signed-out") return <LoginPage />;
  const state = admin.state.value;
  if (!state) {
    return (
      <>
        <Banners />
        <p class="splash">Loading the schedule…</p>
      </>
    );
  }
  const route = resolveRoute(router.route.value, state.role, router.hashEmpty.value);
  return (
    <div class="shell">
      <Header />
      <Banners />
      <Nav current={route.page} />
      <main class={`page page-${route.page}`}>
        {route.page === "now" && <NowPage />}
        {route.page === "room" && <RoomPage roomId={route.roomId} />}
        {route.page === "sessions" && <SessionsPage roomId={route.roomId} day={route.day} />}
        {route.page === "announcements" && <AnnouncementsPage />}
        {route.page === "screens" && <ScreensPage />}
        {route.page === "volunteers" && <VolunteersPage />}
        {route.page === "log" && <LogPage />}
        {route.page === "clock" && <ClockPage />}
        {route.page === "schedule" && <SchedulePage />}
      </main>
      <FeedbackLine />
    </div>
  );
}
