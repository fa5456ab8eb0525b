// The worker side of importInWorker: parses off the hub's main thread, so screens connected
// meanwhile see no stall. One message in, one ImportResult out, per job.
import { parentPort } from "node:worker_threads";
import { importSchedule, type ImportInput } from "../../shared/formats/index.js";
import { WARM_UP_ROUNDS, warmUpInputs } from "./warm-up.js";

parentPort?.on("message", (job: { id: number; input: ImportInput }) => {
  parentPort?.postMessage({ id: job.id, result: importSchedule(job.input) });
});

// Before the first job (one sent meanwhile waits for this): compiled importers answer the
// first upload about twice as fast as a fresh isolate would.
for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const input of warmUpInputs()) importSchedule(input);
