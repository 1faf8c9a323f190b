import type { Annotation, AnnotationKind, SeverityKey, TrendBucket } from "~/server/incidents/types";
import { chartHours, formatCount, formatDuration, severityKeys, severityLabels } from "./format";

// What the trend chart draws and its table says, from the service's buckets as they are: each
// bucket's numbers, and each annotation placed in the bucket its time falls in (UTC).

export type ChartRow = {
  start: string;
  label: string;
  total: number;
  restoreMedianHours: number | null;
  restoreP90Hours: number | null;
  deployments: number;
  failedDeployments: number;
  rolledBack: number;
  experiments: number;
} & Record<SeverityKey, number>;

export function chartRows(buckets: TrendBucket[]): ChartRow[] {
  return buckets.map((bucket) => ({
    start: bucket.start,
    label: bucket.label,
    total: bucket.incidents.total,
    ...bucket.incidents.bySeverity,
    restoreMedianHours: chartHours(bucket.restore.median),
    restoreP90Hours: chartHours(bucket.restore.p90),
    deployments: bucket.deployments.total,
    failedDeployments: bucket.deployments.failed,
    rolledBack: bucket.deployments.rolledBack,
    experiments: bucket.experiments.run,
  }));
}

/** Severities that occur at all in the range: the others would only crowd the legend. */
export const presentSeverities = (buckets: TrendBucket[]): SeverityKey[] =>
  severityKeys.filter((key) => buckets.some((b) => b.incidents.bySeverity[key] > 0));

export interface PlacedAnnotation {
  annotation: Annotation;
  /** The start of the bucket it falls in: the chart's x. */
  bucketStart: string;
  /** Its position among the same bucket's annotations, from 0: markers stack instead of overlapping. */
  slot: number;
}

// Within a bucket the rarer kinds come first, so a lane showing only the first few markers keeps them.
const kindOrder: Record<AnnotationKind, number> = { maturity: 0, experiment: 1, deployment: 2 };

/**
 * Annotations in the bucket whose UTC start is the last at or before their time (outside the
 * range, left out), ordered within a bucket by kind (maturity, experiment, deployment) and time.
 */
export function placeAnnotations(buckets: TrendBucket[], annotations: Annotation[], rangeEnd: string): PlacedAnnotation[] {
  const starts = buckets.map((b) => `${b.start}T00:00:00.000Z`);
  const end = `${rangeEnd}T00:00:00.000Z`;
  const inBuckets: { annotation: Annotation; index: number }[] = [];
  for (const annotation of annotations) {
    if (!starts.length || annotation.at < starts[0]! || annotation.at >= end) continue;
    let index = 0;
    for (let i = 0; i < starts.length; i += 1) if (starts[i]! <= annotation.at) index = i;
    inBuckets.push({ annotation, index });
  }
  inBuckets.sort(
    (a, b) =>
      a.index - b.index ||
      kindOrder[a.annotation.kind] - kindOrder[b.annotation.kind] ||
      a.annotation.at.localeCompare(b.annotation.at),
  );
  const slots = new Map<number, number>();
  return inBuckets.map(({ annotation, index }) => {
    const slot = slots.get(index) ?? 0;
    slots.set(index, slot + 1);
    return { annotation, bucketStart: buckets[index]!.start, slot };
  });
}

export const annotationKindLabels: Record<AnnotationKind, string> = {
  deployment: "Deployment",
  experiment: "Chaos experiment",
  maturity: "Maturity change",
};

/** The marker's accessible name: what it is, when (UTC), and its status. */
export function annotationName(annotation: Annotation): string {
  return `${annotationKindLabels[annotation.kind]}: ${annotation.title}, ${annotation.at.slice(0, 10)} (${statusText(annotation)})`;
}

function statusText(annotation: Annotation): string {
  if (annotation.kind === "maturity") return annotation.status === "up" ? "level up" : "level down";
  return annotation.status.replace(/_/g, " ").toLowerCase();
}

export interface TrendTable {
  caption: string;
  columns: string[];
  rows: { key: string; label: string; cells: string[]; events: string }[];
}

/** Every plotted number of every bucket, and the events drawn in it: the chart's text alternative. */
export function trendTable(buckets: TrendBucket[], placed: PlacedAnnotation[], bucket: "week" | "month"): TrendTable {
  const severities = presentSeverities(buckets);
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  return {
    caption:
      first && last
        ? `Incidents, time to restore, deployments and chaos experiments per ${bucket} (UTC), ${first.label} to ${last.label}`
        : "Incidents per bucket: no buckets in this range",
    columns: [
      "Incidents",
      ...severities.map((s) => severityLabels[s]),
      "Restore median",
      "Restore p90",
      "Resolved (n)",
      "Still open",
      "Deployments",
      "Failed",
      "Rolled back",
      "Experiments run",
      "Stopped",
      "Failed experiments",
    ],
    rows: buckets.map((b) => ({
      key: b.start,
      label: b.label,
      cells: [
        formatCount(b.incidents.total),
        ...severities.map((s) => formatCount(b.incidents.bySeverity[s])),
        formatDuration(b.restore.median),
        formatDuration(b.restore.p90),
        formatCount(b.restore.n),
        formatCount(b.restore.open),
        formatCount(b.deployments.total),
        formatCount(b.deployments.failed),
        formatCount(b.deployments.rolledBack),
        formatCount(b.experiments.run),
        formatCount(b.experiments.stopped),
        formatCount(b.experiments.failed),
      ],
      events: placed
        .filter((p) => p.bucketStart === b.start)
        .map((p) => annotationName(p.annotation))
        .join("; "),
    })),
  };
}
