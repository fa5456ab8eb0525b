// Composition root of the admin page: one socket, one store per concern, one render.
import { render } from "preact";
import { App } from "./app.js";
import { StoresContext, type Stores } from "./context.js";
import { createAdminSocket } from "./socket.js";
import { createAdminState } from "./stores/admin-state.js";
import { createAuth } from "./stores/auth.js";
import { createClock } from "./stores/clock.js";
import { createCommands } from "./stores/commands.js";
import { createFeedback } from "./stores/feedback.js";
import { createOnAir } from "./stores/on-air.js";
import { createRoomPanel } from "./stores/room-panel.js";
import { createRouter } from "./stores/router.js";
import "./styles.css";

const socket = createAdminSocket();
const auth = createAuth(socket);
const admin = createAdminState(socket);
const clock = createClock(admin.state, auth.offsetMs);
const commands = createCommands(socket);
const stores: Stores = {
  auth,
  admin,
  clock,
  commands,
  router: createRouter(window),
  roomPanel: createRoomPanel(commands, clock),
  feedback: createFeedback(),
  onAir: createOnAir(admin, clock),
};

void auth.check();

render(
  <StoresContext.Provider value={stores}>
    <App />
  </StoresContext.Provider>,
  document.getElementById("app")!,
);
