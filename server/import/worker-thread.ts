// The worker side of importInWorker: parses off the hub's main thread, so screens connected
// meanwhile see no stall. One message in, one ImportResult out, per job; a job that carries
// the current schedule is also prepared (room ids kept, diffed) here.
import { parentPort } from "node:worker_threads";
import { importSchedule } from "../../shared/formats/index.js";
import { prepareImport } from "./prepare.js";
import { WARM_UP_ROUNDS, warmUpInputs } from "./warm-up.js";
import type { WorkerJob, WorkerReady, WorkerReply } from "./worker.js";

parentPort?.on("message", (job: WorkerJob) => {
  const result = importSchedule(job.input);
  const prepared = result.ok && job.current !== undefined ? prepareImport(job.current, result.event) : null;
  parentPort?.postMessage({ id: job.id, result, prepared } satisfies WorkerReply);
});

// Before the first job (one sent meanwhile waits for this): compiled importers answer the
// first upload about twice as fast as a fresh isolate would.
for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const input of warmUpInputs()) importSchedule(input);
parentPort?.postMessage({ warm: true } satisfies WorkerReady);
