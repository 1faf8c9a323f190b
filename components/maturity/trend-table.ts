import type { PracticeSummary, Trend } from "./types";
import { utcDayLabel, utcTimeLabel } from "./utc";

// The trend chart's text alternative: every plotted point as a row, with the same numbers the
// chart draws, so a reader who cannot see the chart loses nothing.

export interface TrendTable {
  caption: string;
  /** Column headers after the row header ("Day (UTC)"). */
  columns: string[];
  rows: Array<{ key: string; day: string; cells: string[] }>;
}

export function trendTable(trend: Trend, practices: ReadonlyArray<Pick<PracticeSummary, "id" | "title">>): TrendTable {
  return {
    caption: `Organisation stage and practice levels (0–4) at the last evaluation of each UTC day: ${trend.points.length} ${
      trend.points.length === 1 ? "day" : "days"
    }, ${trend.evaluations} ${trend.evaluations === 1 ? "evaluation" : "evaluations"}`,
    columns: ["Evaluations that day", "Plotted evaluation", "Stage", ...practices.map((p) => p.title)],
    rows: trend.points.map((point) => ({
      key: point.day,
      day: utcDayLabel(point.day),
      cells: [
        String(point.evaluations),
        utcTimeLabel(point.evaluatedAt),
        String(point.stage),
        ...practices.map((p) => {
          const level = point.levels[p.id];
          return level === null || level === undefined ? "Does not apply" : String(level);
        }),
      ],
    })),
  };
}
