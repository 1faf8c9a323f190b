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

export function EventsLane({ starts, placed }: { starts: string[]; placed: PlacedAnnotation[] }) {
  const rows = Math.max(1, ...placed.map((p) => p.slot + 1));
  const index = new Map(starts.map((start, i) => [start, i]));
  return (
    <ul className="relative" style={{ height: rows * ROW + 4 }} aria-label="Events on the time axis">
      {placed.map(({ annotation, bucketStart, slot }) => {
        const i = index.get(bucketStart) ?? 0;
        const name = annotationName(annotation);
        return (
          <li
            key={`${annotation.kind}-${annotation.id}`}
            className="absolute -translate-x-1/2"
            style={{ left: `calc(${LEFT}px + (100% - ${LEFT + RIGHT}px) * ${(i + 0.5) / starts.length})`, top: slot * ROW }}
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
    </ul>
  );
}
