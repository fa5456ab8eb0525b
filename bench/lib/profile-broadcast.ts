// Not a benchmark: profiles the hub's CPU over broadcast rounds only (the inspector, started
// after every screen is connected) and prints the functions with the most self time.
// `npx tsx bench/lib/profile-broadcast.ts [screens] [rounds] [--connect]`: with --connect, the
// profile covers screens connecting and saying hello (a restart's resync) instead.
import { writeFileSync } from "node:fs";
import { announceToAll } from "./admin.js";
import { measureRound, pause } from "./broadcast-rounds.js";
import type { CpuSample } from "./child-protocol.js";
import { pinSelfToLoadCore } from "./children.js";
import { startBenchHub } from "./hub.js";
import { closeScreens, connectScreens } from "./screen-client.js";

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const screenCount = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 30);
console.log(pinSelfToLoadCore());
const hub = await startBenchHub();
if (process.argv.includes("--connect")) {
  const warm = await connectScreens(hub.wsUrl, screenCount, { idPrefix: "warm" });
  closeScreens(warm);
  await pause(1000);
  await hub.child.request("profile:start");
  const c0 = await hub.child.request<CpuSample>("cpu");
  const screens = await connectScreens(hub.wsUrl, screenCount);
  const c1 = await hub.child.request<CpuSample>("cpu");
  const profile = await hub.child.request<{ nodes: ProfileNode[]; samples: number[] }>("profile:stop");
  const per = (micros: number) => (micros / screenCount).toFixed(0);
  console.log(`hub CPU per connecting screen: user ${per(c1.userMicros - c0.userMicros)} µs, system ${per(c1.systemMicros - c0.systemMicros)} µs`);
  closeScreens(screens);
  await hub.stop();
  report(profile);
  process.exit(0);
}
const screens = await connectScreens(hub.wsUrl, screenCount);
for (let r = 0; r < 3; r++) await measureRound(hub.child, screens, () => void hub.admin.apply(announceToAll(r)));
await hub.child.request("profile:start");
const cpu: number[] = [];
for (let r = 0; r < rounds; r++) {
  const result = await measureRound(hub.child, screens, () => void hub.admin.apply(announceToAll(r + 3)));
  cpu.push(result.cpuMicros / screenCount);
  await pause(50);
}
const profile = await hub.child.request<{ nodes: ProfileNode[]; samples: number[] }>("profile:stop");
cpu.sort((a, b) => a - b);
console.log(`hub CPU per screen per broadcast, median ${cpu[Math.floor(cpu.length / 2)]?.toFixed(1)} µs`);
closeScreens(screens);
await hub.stop();

report(profile);
process.exit(0);

function report(profile: { nodes: ProfileNode[]; samples: number[] }): void {
// PROFILE_OUT=file.cpuprofile keeps the whole profile (open it in Chrome's DevTools).
if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
const self = new Map<string, number>();
for (const n of profile.nodes) {
  const where = n.callFrame.url.replace(/.*node_modules\//, "").replace(/.*\/work\/[^/]+\//, "");
  const key = `${n.callFrame.functionName || "(anonymous)"} ${where}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (n.hitCount ?? 0));
}
const busy = profile.samples.length - (self.get("(idle) :-1") ?? 0);
console.log(`busy samples: ${busy} of ${profile.samples.length}`);
for (const [k, v] of [...self].filter(([k]) => k !== "(idle) :-1").sort((a, b) => b[1] - a[1]).slice(0, 35)) {
  console.log(`${((100 * v) / busy).toFixed(1).padStart(5)}%  ${k}`);
}
}
