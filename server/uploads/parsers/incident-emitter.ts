import type { DraftSink } from "./format-reader";
import type { IncidentRecord, TimelineEntry } from "./upload-types";

// Hands a tool's incidents to the sink once each: API pages fetched by offset can repeat an
// incident that moved while paging, so a repeated id is kept once (the first) and counted.
// Incidents wait until the end when something read later completes them (PagerDuty log entries
// listed beside the incidents; incident.io severities ranked against each other).
export class IncidentEmitter {
  private readonly seen = new Set<string>();
  private readonly held: IncidentRecord[] = [];
  private repeats = 0;

  constructor(
    private readonly sink: DraftSink,
    private readonly holdUntilEnd: boolean,
  ) {}

  add(incident: IncidentRecord): void {
    if (this.seen.has(incident.externalId)) {
      this.repeats++;
      return;
    }
    this.seen.add(incident.externalId);
    if (this.holdUntilEnd) this.held.push(incident);
    else this.sink.incident(incident);
  }

  /** Emits what was held, each first completed by `complete`, and says how many repeats were dropped. */
  finish(complete: (incident: IncidentRecord) => IncidentRecord = (incident) => incident): number {
    for (const incident of this.held) this.sink.incident(complete(incident));
    this.held.length = 0;
    if (this.repeats > 0) {
      this.sink.warn(`${this.repeats} incident(s) appeared more than once (overlapping pages); each was imported once.`);
    }
    return this.seen.size;
  }
}

/** Timeline entries oldest first, and at most this many per incident (an incident's story, not its pager storm). */
export function sortedTimeline(entries: TimelineEntry[]): TimelineEntry[] {
  return entries.sort((a, b) => a.at.localeCompare(b.at)).slice(0, 200);
}
