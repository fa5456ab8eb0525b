// The worker side of importInWorker: parses off the hub's main thread, so screens connected
// meanwhile see no stall. One message in, one ImportResult out, per job.
import { parentPort } from "node:worker_threads";
import { importSchedule, type ImportInput } from "../../shared/formats/index.js";

parentPort?.on("message", (job: { id: number; input: ImportInput }) => {
  parentPort?.postMessage({ id: job.id, result: importSchedule(job.input) });
});
