// The lobby board: one line per room, now and next, with the badges a passer-by needs. Pages
// through the rooms when they do not fit.
import type { ReadonlySignal } from "@preact/signals";
import type { Labels } from "../labels.js";
import type { Page } from "../paging.js";
import type { LobbyRowModel } from "../present.js";
import type { OnAirStore } from "../stores/on-air.js";
import { AnnouncementBand } from "./Announcements.js";
import { TopBar } from "./TopBar.js";

/** Up to this many rooms, the board uses tall rows with two-line titles. */
export const FEW_ROOMS = 4;

interface Props {
  air: OnAirStore;
  labels: Labels;
  title: ReadonlySignal<string>;
  page: ReadonlySignal<Page<LobbyRowModel>>;
}

export function Lobby({ air, labels, title, page }: Props) {
  const p = page.value;
  return (
    <div class="screen lobby">
      <TopBar air={air} labels={labels}>
        <h1 class="event-title">{title}</h1>
      </TopBar>
      <AnnouncementBand air={air} />
      <div class="lobby-head">
        <span>{labels.now}</span>
        <span>{labels.next}</span>
      </div>
      <ol class={`lobby-rows${p.count === 1 && p.items.length <= FEW_ROOMS ? " few" : ""}`}>
        {p.items.map((row) => (
          <Row key={row.roomId} row={row} labels={labels} />
        ))}
      </ol>
      {p.count > 1 && (
        <div class="lobby-page" data-testid="lobby-page">
          {labels.page(p.index + 1, p.count)}
        </div>
      )}
    </div>
  );
}

function Row({ row, labels }: { row: LobbyRowModel; labels: Labels }) {
  return (
    <li class={`lobby-row${row.full ? " is-full" : ""}`} data-testid="lobby-row" data-room={row.roomId}>
      <div class="lobby-room">
        <span class="lobby-room-name">{row.roomName}</span>
        <Badges row={row} labels={labels} />
      </div>
      <div class="lobby-now">
        <div class="lobby-title" data-testid="now-title">
          {row.now}
        </div>
        <div class="lobby-sub">{row.nowTimes}</div>
      </div>
      <div class="lobby-next">
        <div class="lobby-title" data-testid="next-title">
          {row.next}
        </div>
        <div class="lobby-sub">{row.nextWhen}</div>
      </div>
    </li>
  );
}

function Badges({ row, labels }: { row: LobbyRowModel; labels: Labels }) {
  if (!row.full && !row.delay && !row.cancelled && !row.moved) return null;
  return (
    <div class="lobby-badges">
      {row.full && (
        <span class="badge badge-full" data-testid="badge-full">
          {row.full}
        </span>
      )}
      {row.delay && (
        <span class="badge badge-late" data-testid="badge-delay">
          {row.delay} {labels.delayed}
        </span>
      )}
      {row.cancelled && (
        <span class="badge badge-cancelled" data-testid="badge-cancelled">
          {row.cancelled}
        </span>
      )}
      {row.moved && (
        <span class="badge badge-moved" data-testid="badge-moved">
          {row.moved}
        </span>
      )}
    </div>
  );
}
