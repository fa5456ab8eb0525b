// Schedule import and export. Export is plain links; import previews through the hub's dry run;
// a schedule URL can be followed.
import { FeedForm } from "../components/feed-form.js";
import { ImportForm } from "../components/import-form.js";

export function SchedulePage() {
  return (
    <>
      <h2>Schedule</h2>
      <section class="card">
        <h3>Export the effective schedule</h3>
        <div class="row">
          <a class="action secondary button-link" href="/api/export.json" download data-testid="export-json">Roomcast JSON</a>
          <a class="action secondary button-link" href="/api/export.ics" download data-testid="export-ics">iCal</a>
        </div>
      </section>
      <ImportForm />
      <FeedForm />
    </>
  );
}
