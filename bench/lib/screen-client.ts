// A lean screen for load generation: speaks socket.io's v4 wire protocol (engine.io over a
// WebSocket) on a bare WebSocket (lean-websocket.ts, straight on TCP), so one load-generator core
// can hold 5,000 screens and the benchmark measures the hub rather than 5,000 socket.io-client
// instances. The same class in "plain" mode connects to the ws reference server, so both are
// received by identical code.
import { LeanWebSocket } from "./lean-websocket.js";
import { RECONNECT_JITTER, RECONNECT_MAX_MS, RECONNECT_MIN_MS } from "../../display/stores/connection.js";

const PING = 0x32; // "2"
const OPEN = 0x30; // "0"
const MESSAGE = 0x34; // "4"
// A broadcast: the whole snapshot, or what changed in it (the version is in the first bytes of either).
const BROADCAST_PREFIX = Buffer.from('42/display,["schedule:');
const BROADCAST_EVENTS = ['changed"', 'patched"'].map((e) => Buffer.from(e));
const VERSION_KEY = Buffer.from('"version":');

/** Compared in place (no slices, no strings): the load generator reads thousands of these per round. */
function startsWithAt(data: Buffer, at: number, bytes: Buffer): boolean {
  return data.length >= at + bytes.length && bytes.compare(data, at, at + bytes.length) === 0;
}

function isBroadcast(data: Buffer): boolean {
  if (!startsWithAt(data, 0, BROADCAST_PREFIX)) return false;
  return BROADCAST_EVENTS.some((e) => startsWithAt(data, BROADCAST_PREFIX.length, e));
}

/** The first `"version":<digits>` within the first 256 bytes (a snapshot's or patch's head), or null. */
export function versionOf(data: Buffer): number | null {
  const key = data.subarray(0, 256).indexOf(VERSION_KEY);
  if (key < 0) return null;
  let at = key + VERSION_KEY.length;
  let value = 0;
  let digits = 0;
  for (; at < data.length; at++, digits++) {
    const c = data[at] as number;
    if (c < 0x30 || c > 0x39) break;
    value = value * 10 + (c - 0x30);
  }
  return digits > 0 ? value : null;
}

export type ScreenMode = "socket.io" | "plain";

export interface Receipt {
  /** performance.now() in the load generator when the frame arrived. */
  at: number;
  bytes: number;
  version: number | null;
}

/**
 * Reconnect like a Roomcast screen: socket.io-client's backoff (its Backoff.duration) with the
 * display's settings, RECONNECT_MIN_MS doubling, ±RECONNECT_JITTER, capped at RECONNECT_MAX_MS.
 */
export function backoffMs(attempt: number, random = Math.random()): number {
  let ms = RECONNECT_MIN_MS * 2 ** attempt;
  const deviation = Math.floor(random * RECONNECT_JITTER * ms);
  ms = (Math.floor(random * 10) & 1) === 0 ? ms - deviation : ms + deviation;
  return Math.min(ms, RECONNECT_MAX_MS);
}

export class BenchScreen {
  ws: LeanWebSocket | null = null;
  version: number | null = null;
  /** The hub's build, learnt from the first snapshot; a screen on another build always gets a snapshot. */
  appVersion = "bench";
  /** Bytes of every frame received since the last reset (payload bytes, not TCP). */
  bytesIn = 0;
  lastReceipt: Receipt | null = null;
  /** When set, the raw bytes of the last broadcast are kept (to replay them on the ws reference). */
  captureFrame = false;
  lastFrame: Buffer | null = null;
  /** Resolved when the hello ack (socket.io) or the first open (plain) arrives. */
  private readyWaiters: (() => void)[] = [];
  private helloAckBytes = 0;
  private closedByUs = false;
  private attempt = 0;
  onReceipt: ((screen: BenchScreen, r: Receipt) => void) | null = null;
  onResync: ((screen: BenchScreen, bytes: number) => void) | null = null;

  constructor(
    readonly url: string,
    readonly screenId: string,
    readonly view: string,
    readonly mode: ScreenMode = "socket.io",
    readonly reconnect = false,
  ) {}

  /** Opens the connection; resolves once the screen holds a snapshot (hello acked). */
  connect(): Promise<void> {
    this.closedByUs = false;
    const ready = new Promise<void>((r) => this.readyWaiters.push(r));
    this.open();
    return ready;
  }

  private open(): void {
    const target = this.mode === "socket.io" ? `${this.url}/socket.io/?EIO=4&transport=websocket` : this.url;
    const ws = new LeanWebSocket(target);
    this.ws = ws;
    ws.onopen = () => {
      if (this.mode === "plain") {
        ws.send(this.view);
        this.settle(0);
      }
    };
    ws.onmessage = (data) => this.receive(ws, data);
    ws.onerror = () => {};
    ws.onclose = () => {
      if (this.closedByUs || !this.reconnect) return;
      setTimeout(() => this.open(), backoffMs(this.attempt++));
    };
  }

  private receive(ws: LeanWebSocket, data: Buffer): void {
    const at = performance.now();
    this.bytesIn += data.length;
    if (this.mode === "plain") return this.record(at, data);
    const type = data[0];
    if (type === PING) return void ws.send("3");
    if (type === OPEN) return void ws.send("40/display,");
    if (type !== MESSAGE) return;
    const kind = data[1];
    if (kind === 0x30) {
      // Namespace connected: say hello with the version we hold (the hub may skip the snapshot).
      const hello = { screenId: this.screenId, view: this.view, version: this.version, appVersion: this.appVersion };
      this.helloAckBytes = 0;
      ws.send(`42/display,1${JSON.stringify(["screen:hello", hello])}`);
    } else if (kind === 0x33) {
      // 43/display,1[reply]: the hello ack.
      const text = data.toString();
      const reply = JSON.parse(text.slice(text.indexOf("["))) as [{ ok: boolean; version?: number; snapshot?: { appVersion?: string } | null }];
      if (reply[0]?.ok && typeof reply[0].version === "number") this.version = reply[0].version;
      if (reply[0]?.snapshot?.appVersion) this.appVersion = reply[0].snapshot.appVersion;
      this.helloAckBytes = data.length;
      this.settle(this.helloAckBytes);
    } else if (kind === 0x32 && isBroadcast(data)) {
      this.record(at, data);
    }
  }

  private record(at: number, data: Buffer): void {
    const version = versionOf(data);
    if (version !== null) this.version = version;
    this.lastReceipt = { at, bytes: data.length, version };
    if (this.captureFrame) this.lastFrame = Buffer.from(data); // data is the read buffer: copy
    this.onReceipt?.(this, this.lastReceipt);
  }

  private settle(bytes: number): void {
    this.attempt = 0;
    this.onResync?.(this, bytes);
    for (const r of this.readyWaiters.splice(0)) r();
  }

  /** Sends a raw frame (plain mode: the ws reference's control messages). */
  send(text: string): void {
    this.ws?.send(text);
  }

  close(): void {
    this.closedByUs = true;
    this.ws?.terminate();
    this.ws = null;
  }
}

/** Views a benchmark spreads its screens over: both door screens and the lobby. */
export const BENCH_VIEWS = ["room:room-1", "room:room-2", "lobby"] as const;

/** Connects `count` screens in batches (to keep the accept queue short); resolves when all hold a snapshot. */
export async function connectScreens(
  url: string,
  count: number,
  options: { mode?: ScreenMode; reconnect?: boolean; idPrefix?: string; batch?: number } = {},
): Promise<BenchScreen[]> {
  const screens: BenchScreen[] = [];
  const batch = options.batch ?? 200;
  for (let i = 0; i < count; i += batch) {
    const group: BenchScreen[] = [];
    for (let j = i; j < Math.min(count, i + batch); j++) {
      const id = `${options.idPrefix ?? "bench"}-${String(j).padStart(6, "0")}`;
      group.push(new BenchScreen(url, id, BENCH_VIEWS[j % BENCH_VIEWS.length] as string, options.mode, options.reconnect));
    }
    // Bounded: a hub that stops answering fails the benchmark instead of hanging it.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`screens ${i}–${i + group.length - 1} got no hello ack within 60 s`)), 60_000);
    });
    await Promise.race([Promise.all(group.map((s) => s.connect())), timeout]).finally(() => clearTimeout(timer));
    screens.push(...group);
  }
  return screens;
}

export function closeScreens(screens: BenchScreen[]): void {
  for (const s of screens) s.close();
}
