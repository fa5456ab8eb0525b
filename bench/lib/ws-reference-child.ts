// The reference for the broadcast benchmark: a plain `ws` server that sends every client the
// very bytes the hub sent a screen of the same view. Each client says its view first; a
// control client sending "go" triggers one broadcast, as the admin's change:apply does on the hub.
import { createServer } from "node:http";
import { WebSocketServer, type WebSocket } from "ws";
import { serveRequests } from "./child-protocol.js";

/** Frames by view, pre-converted once per broadcast like socket.io's pre-built frames. */
let frames = new Map<string, Buffer>();
const clients = new Map<WebSocket, string>();
/** ms spent in each broadcast's send loop: the writes alone, the least any server here spends. */
let sendLoops: number[] = [];

const http = createServer();
const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
wss.on("connection", (ws) => {
  ws.once("message", (first: Buffer) => {
    const view = first.toString();
    if (view === "control") {
      ws.on("message", () => {
        const start = performance.now();
        for (const [client, v] of clients) {
          const frame = frames.get(v);
          if (frame) client.send(frame, { binary: false });
        }
        sendLoops.push(performance.now() - start);
      });
      return;
    }
    clients.set(ws, view);
  });
  ws.on("close", () => clients.delete(ws));
});

serveRequests({
  frames: (payload) => {
    frames = new Map(Object.entries(payload as Record<string, string>).map(([v, text]) => [v, Buffer.from(text)]));
    return frames.size;
  },
  clients: () => clients.size,
  "send-loops": () => {
    const loops = sendLoops;
    sendLoops = [];
    return loops;
  },
});
http.listen(0, "127.0.0.1", () => {
  const address = http.address();
  process.send?.({ type: "ready", payload: { port: typeof address === "object" && address ? address.port : 0 } });
});
