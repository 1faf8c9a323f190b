import type { Outline } from "~/server/uploads/json/outline";
import type { ItemCallback } from "~/server/uploads/json/items";
import { asArray, at } from "./json-values";
import type { DeploymentRecord, FindingDraft, IncidentRecord, SbomComponent, UploadFormat, UploadKind } from "./upload-types";

// Every format is read the same way: its reader sees the report's outline (everything but the
// long lists, see server/uploads/json/outline.ts), names the lists it reads item by item, and
// hands each record to the sink as soon as the item is read. A report in memory is read the same
// way, so a small upload and a 100 MB one go through the same code.

export interface ReportHeader {
  kind: UploadKind;
  format: UploadFormat;
  tool: { name: string; version?: string };
  specVersion?: string;
}

export interface DraftSink {
  finding(finding: FindingDraft): void;
  component(component: SbomComponent): void;
  incident(incident: IncidentRecord): void;
  deployment(deployment: DeploymentRecord): void;
  warn(warning: string): void;
}

export interface ReportReading {
  header: ReportHeader;
  /** The lists read item by item, as selectors ("runs.*.results.*"). */
  selectors: string[];
  item: ItemCallback;
  /** After the last item: records that waited for the whole list, and the warnings. */
  finish(): void;
}

export type FormatReader = (outline: Outline, hint: UploadKind | undefined, sink: DraftSink) => ReportReading;

/** A list's length: the outline counted it when it was streamed, otherwise it is in the document. */
export function listLength(outline: Outline, path: readonly (string | number)[]): number {
  return outline.listLengths.get(path.join(".")) ?? asArray(at(outline.doc, ...path)).length;
}

/** Every list any format reads item by item: the outline keeps one item of each. */
export const streamedLists = [
  "runs.*.results.*",
  "runs.*.tool.driver.rules.*",
  "components.*",
  "vulnerabilities.*",
  "dependencies.*",
  "packages.*",
  "files.*",
  "relationships.*",
  "snippets.*",
  "Results.*.Vulnerabilities.*",
  "Results.*.Misconfigurations.*",
  "Results.*.Secrets.*",
  "Results.*.Packages.*",
  "Results.*.Licenses.*",
  "matches.*",
  "results.failed_checks.*",
  "results.passed_checks.*",
  "results.skipped_checks.*",
  "results.parsing_errors.*",
  "*.results.failed_checks.*",
  "*.results.passed_checks.*",
  "*.results.skipped_checks.*",
  "*.results.parsing_errors.*",
  "incidents.*",
  // PagerDuty and incident.io pages (one, or several in an array), their log entries, Opsgenie's
  // "data" lists, and deployments.
  "*.incidents.*",
  "log_entries.*",
  "*.log_entries.*",
  "data.*",
  "*.data.*",
  "deployments.*",
] as const;
