// Planet Nix 2025, Room 1 and Room 2 on Thursday morning, as printed (America/Los_Angeles).
// Used when the demo file is not there; the demo test reads server/demo/planet-nix-2025.json.
import type { Event } from "../../../shared/model.js";
import { makeEvent, slot } from "./builders.js";

export const LA = "America/Los_Angeles";
const DAY = "2025-03-06";

export function planetNixMorning(): Event {
  const s = (key: string, room: string, from: string, to: string, title: string, extra = {}) =>
    slot(LA, DAY, key, room, from, to, { title, ...extra });
  return makeEvent({
    zone: LA,
    rooms: [
      { id: "room-1", name: "Room 1" },
      { id: "room-2", name: "Room 2" },
    ],
    sessions: [
      s("opening", "room-1", "09:15", "09:30", "Opening Ceremony", { type: "other" }),
      s("fireside", "room-1", "09:30", "10:00", "Fireside Chat with Kelsey Hightower & Ron Efroni: An Outsider's Look at Nix", {
        speakers: ["Ron Efroni Rotman", "Kelsey Hightower"],
      }),
      s("pr-pipeline", "room-1", "10:00", "10:30", "The Nix PR Pipeline", { speakers: ["Tristan Ross"] }),
      s("break-1", "room-1", "10:30", "11:00", "Break", { type: "break" }),
      s("docker", "room-1", "11:00", "11:30", "Docker Was Too Slow, So We Replaced It: Nix in Production", { speakers: ["Aneesh Agrawal"] }),
      s("faster", "room-1", "11:30", "12:00", "How to make Nix five times faster", { speakers: ["Nick Johnstone"] }),
      s("lunch", "room-1", "12:00", "13:30", "Lunch", { type: "lunch" }),
      s("wild", "room-1", "13:30", "14:00", "Nix in the Wild", { speakers: ["Ross Turk"] }),
      s("fun-way", "room-2", "10:00", "10:30", "Learn Nix the Fun Way", { speakers: ["Farid Zakaria"] }),
      s("speed-dating", "room-2", "10:30", "11:00", "Speed Dating", { type: "social" }),
      s("secrets", "room-2", "11:00", "11:30", "generating secrets with nixos, the missing puzzle piece"),
      s("lfs", "room-2", "11:30", "12:00", "Building Linux from Scratch... from Nix", { speakers: ["Tim Golden"] }),
    ],
  });
}
