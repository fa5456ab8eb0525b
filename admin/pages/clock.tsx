// The rehearsal clock: jump to a venue time, choose a rate, or go back to real time.
import { useState } from "preact/hooks";
import { useStores } from "../context.js";
import { rateLabel } from "../derive/clock.js";
import { fromLocalInput, toLocalInput } from "../derive/time-input.js";

const RATES = [0, 1, 2, 5, 10, 60] as const;

export function ClockPage() {
  const { admin, clock, commands, feedback } = useStores();
  const zone = admin.zone.value;
  const [at, setAt] = useState(toLocalInput(clock.hubNow.peek(), zone));
  const [rate, setRate] = useState<number>(clock.rehearsal.peek()?.rate ?? 1);
  const rehearsal = clock.rehearsal.value;
  return (
    <>
      <h2>Clock</h2>
      <p class="big-clock">
        <time data-testid="clock-now">{clock.clockText}</time>{" "}
        <span class="muted">{rehearsal ? `rehearsal at ${rateLabel(rehearsal.rate)}` : `real time (${zone})`}</span>
      </p>
      <form class="card" onSubmit={(e) => {
        e.preventDefault();
        const virtual = fromLocalInput(at, zone);
        if (virtual === null) return feedback.show("error", "Give a date and a time.");
        void commands.apply({ kind: "clock", set: { virtual, rate } }).then((r) => feedback.report(r, "Every screen follows the rehearsal clock"));
      }}>
        <label>
          {`Jump to (venue time, ${zone})`}{" "}
          <input type="datetime-local" data-testid="clock-at" value={at} onInput={(e) => setAt(e.currentTarget.value)} />
        </label>
        <label>
          Rate{" "}
          <select data-testid="clock-rate" value={String(rate)} onChange={(e) => setRate(Number(e.currentTarget.value))}>
            {RATES.map((r) => (
              <option key={r} value={String(r)}>{rateLabel(r)}</option>
            ))}
          </select>
        </label>
        <button type="submit" class="action primary" data-testid="clock-set">Set rehearsal clock</button>
      </form>
      <button type="button" class="action secondary" data-testid="clock-real" disabled={!rehearsal}
        onClick={() => void commands.apply({ kind: "clock", set: null }).then((r) => feedback.report(r, "Back to real time"))}>
        Back to real time
      </button>
    </>
  );
}
