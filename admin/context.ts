// The stores, handed from the composition root (main.tsx) to every component.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { AdminStateStore } from "./stores/admin-state.js";
import type { Auth } from "./stores/auth.js";
import type { Clock } from "./stores/clock.js";
import type { Commands } from "./stores/commands.js";
import type { Feedback } from "./stores/feedback.js";
import type { OnAir } from "./stores/on-air.js";
import type { RoomPanel } from "./stores/room-panel.js";
import type { Router } from "./stores/router.js";

export interface Stores {
  auth: Auth;
  admin: AdminStateStore;
  clock: Clock;
  commands: Commands;
  router: Router;
  roomPanel: RoomPanel;
  feedback: Feedback;
  onAir: OnAir;
}

export const StoresContext = createContext<Stores | null>(null);

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error("useStores outside StoresContext");
  return stores;
}
