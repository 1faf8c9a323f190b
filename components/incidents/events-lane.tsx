import type { Annotation } from "~/server/incidents/types";
import { annotationName, type PlacedAnnotation } from "./trend-rows";

// The events on the trend's time axis, as plain links (each opens its event, takes focus and has
// a name), placed over the bucket they fall in. The charts above and below draw their buckets as
// equal bands between the two axes, so a bucket's centre is found the same way here.

const LEFT = 44;
const RIGHT = 52 + 8;
const ROW = 22;

const markerColors = { good: "#047857", bad: "#b91c1c", neutral: "#334155" };

function markerTone(annotation: Annotation): keyof typeof markerColors {
  if (annotation.kind === "maturity") return annotation.status === "up" ? "good" : "bad";
  if (annotation.kind === "deployment") return annotation.status === "succeeded" ? "neutral" : "bad";
  return /fail|stop/i.test(annotation.status) ? "bad" : "neutral";
}

/** The marker's outline: deployments a triangle, experiments a diamond, maturity changes an arrow up or down. */
export function markerPath(kind: Annotation["kind"], status: string): string {
  if (kind === "deployment") return "M0,-6 L6,5 L-6,5 Z";
  if (kind === "experiment") return "M0,-7 L6,0 L0,7 L-6,0 Z";
  return status === "up" ? "M0,-7 L6,1 L2,1 L2,7 L-2,7 L-2,1 L-6,1 Z" : "M0,7 L6,-1 L2,-1 L2,-7 L-2,-7 L-2,-1 L-6,-1 Z";
}

export function MarkerIcon({
  kind,
  status,
  tone,
}: {
  kind: Annotation["kind"];
  status: string;
  tone: keyof typeof markerColors;
}) {
  const color = markerColors[tone];
  return (
    <svg viewBox="-8 -8 16 16" className="size-4" aria-hidden="true">
      <path d={markerPath(kind, status)} fill={kind === "experiment" ? "#fff" : color} stroke={color} strokeWidth={2} />
    </svg>
  );
}

/** Markers drawn per bucket; the rest are counted in a "+n" link to the full list. */
export const LANE_ROWS = 4;

export function EventsLane({ starts, placed, listId }: { starts: string[]; placed: PlacedAnnotation[]; listId: string }) {
  const rows = Math.min(LANE_ROWS, Math.max(1, ...placed.map((p) => p.slot + 1)));
  const index = new Map(starts.map((start, i) => [start, i]));
  const more = new Map<string, number>();
  for (const p of placed) if (p.slot >= LANE_ROWS - 1) more.set(p.bucketStart, (more.get(p.bucketStart) ?? 0) + 1);
  const left = (start: string) =>
    `calc(${LEFT}px + (100% - ${LEFT + RIGHT}px) * ${((index.get(start) ?? 0) + 0.5) / starts.length})`;
  return (
    <ul className="relative" style={{ height: rows * ROW + 4 }} aria-label="Events on the time axis">
      {placed.map(({ annotation, bucketStart, slot }) => {
        // The last row holds a marker only when it is the bucket's last one; otherwise its count.
        if (slot >= LANE_ROWS - 1 && (more.get(bucketStart) ?? 0) > 1) return null;
        const name = annotationName(annotation);
        return (
          <li
            key={`${annotation.kind}-${annotation.id}`}
            className="absolute -translate-x-1/2"
            style={{ left: left(bucketStart), top: slot * ROW }}
          >
            <a
              href={annotation.href}
              aria-label={name}
              title={name}
              className="flex size-5 items-center justify-center rounded-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-slate-900"
            >
              <MarkerIcon kind={annotation.kind} status={annotation.status} tone={markerTone(annotation)} />
            </a>
          </li>
        );
      })}
      {[...more.entries()]
        .filter(([, count]) => count > 1)
        .map(([start, count]) => (
          <li
            key={`more-${start}`}
            className="absolute -translate-x-1/2"
            style={{ left: left(start), top: (LANE_ROWS - 1) * ROW }}
          >
            <a
              href={`#${listId}`}
              className="block rounded-sm px-0.5 text-xs leading-5 font-medium text-sky-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-slate-900"
            >
              +{count}
              <span className="sr-only"> more events in this bucket, in the list of events</span>
            </a>
          </li>
        ))}
    </ul>
  );
}
