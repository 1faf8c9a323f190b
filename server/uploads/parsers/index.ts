import { AppError } from "~/server/errors";
import type { ByteSource } from "~/server/uploads/json/byte-source";
import { streamItems, walkItems } from "~/server/uploads/json/items";
import { endsEarly, looksLikeXml } from "~/server/uploads/json/messages";
import { OutlineReader, readOutline, type Outline } from "~/server/uploads/json/outline";
import { splitSelector } from "~/server/uploads/json/selectors";
import { JsonReadError } from "~/server/uploads/json/read-error";
import { UploadTally } from "./build-upload";
import { readCheckovJson } from "./checkov-json";
import { readCycloneDx } from "./cyclonedx";
import { detectFormat } from "./detect-format";
import { streamedLists, type FormatReader, type ReportHeader, type ReportReading } from "./format-reader";
import { readGrypeJson } from "./grype-json";
import { readIncidents } from "./incidents";
import { readDeployments } from "./deployments-json";
import { readGithubDeploymentStatus } from "./github-deployment-status";
import { readIncidentIo } from "./incident-io-json";
import { readOpsgenie } from "./opsgenie-json";
import { readPagerDutyJson } from "./pagerduty-json";
import { parseJsonText } from "./json-text";
import { readSarif } from "./sarif";
import { readSpdx } from "./spdx";
import { readTrivyJson } from "./trivy-json";
import type {
  DeploymentRecord,
  Finding,
  IncidentRecord,
  ParsedUpload,
  SbomComponent,
  UploadFormat,
  UploadKind,
  UploadSummary,
} from "./upload-types";

export { detectFormat } from "./detect-format";
export type { ReportHeader } from "./format-reader";
export type { Outline } from "~/server/uploads/json/outline";
export type {
  DeploymentRecord,
  Finding,
  FindingStatus,
  IncidentRecord,
  ParsedUpload,
  SbomComponent,
  Severity,
  UploadFormat,
  UploadKind,
  UploadSummary,
} from "./upload-types";

const readers: Record<UploadFormat, FormatReader> = {
  sarif: readSarif,
  "checkov-json": readCheckovJson,
  "trivy-json": readTrivyJson,
  "grype-json": readGrypeJson,
  "cyclonedx-json": readCycloneDx,
  "spdx-json": readSpdx,
  "incidents-json": readIncidents,
  "pagerduty-json": readPagerDutyJson,
  // Read from CSV text by pagerduty-csv.ts, never from the JSON outline.
  "pagerduty-csv": () => {
    throw new Error("a PagerDuty CSV export is read by readPagerDutyCsv");
  },
  "opsgenie-json": readOpsgenie,
  "incident-io-json": readIncidentIo,
  "deployments-json": readDeployments,
  "github-deployment-status": readGithubDeploymentStatus,
};

/** Where the records of a report go, as they are read. */
export interface RecordSink {
  finding(finding: Finding): void;
  component(component: SbomComponent): void;
  incident(incident: IncidentRecord): void;
  deployment(deployment: DeploymentRecord): void;
}

export interface ReadUpload {
  header: ReportHeader;
  summary: UploadSummary;
  warnings: string[];
  /** How long the streamed passes took, for the log. */
  timings?: { outlineMs: number; itemsMs: number };
}

interface Reading {
  reading: ReportReading;
  done(): ReadUpload;
}

function begin(outline: Outline, hint: UploadKind | undefined, out: RecordSink): Reading {
  const format = detectFormat(outline.doc, hint);
  const warnings: string[] = [];
  const state: { tally?: UploadTally } = {};
  const counted = () => {
    if (!state.tally) throw new Error("a reader emitted a record before it named its tool");
    return state.tally;
  };
  const reading = readers[format](outline, hint, {
    finding: (draft) => out.finding(counted().finding(draft)),
    component: (component) => {
      counted().component();
      out.component(component);
    },
    incident: (incident) => {
      counted().incident();
      out.incident(incident);
    },
    deployment: (deployment) => {
      counted().deployment();
      out.deployment(deployment);
    },
    warn: (warning) => warnings.push(warning),
  });
  state.tally = new UploadTally(reading.header.tool.name);
  const { header } = reading;
  if (hint && hint !== header.kind) {
    const what = format === "sarif" ? `SARIF from ${header.tool.name}` : describeFormat(format);
    warnings.unshift(`Uploaded as ${hint}, but the file is ${what}; it was imported as ${header.kind}.`);
  }
  return {
    reading,
    done: () => {
      reading.finish();
      return { header, summary: counted().summary(), warnings: [...warnings, ...counted().warnings()] };
    },
  };
}

/** Reads a report held in memory; throws AppError BAD_REQUEST on input it can't use. */
export function readUploadText(text: string, hint: UploadKind | undefined, out: RecordSink): ReadUpload {
  const doc = parseJsonText(text);
  const { reading, done } = begin({ doc, listLengths: new Map() }, hint, out);
  walkItems(doc, reading.selectors, reading.item);
  return done();
}

/** Parses a report into normalised records, all in memory (small reports and tests). */
export function parseUpload(text: string, hint?: UploadKind): ParsedUpload {
  const findings: Finding[] = [];
  const components: SbomComponent[] = [];
  const incidents: IncidentRecord[] = [];
  const deployments: DeploymentRecord[] = [];
  const read = readUploadText(text, hint, {
    finding: (f) => findings.push(f),
    component: (c) => components.push(c),
    incident: (i) => incidents.push(i),
    deployment: (d) => deployments.push(d),
  });
  return {
    ...read.header,
    findings,
    components,
    incidents,
    deployments,
    summary: read.summary,
    warnings: read.warnings,
  };
}

const outlineLists = streamedLists.map(splitSelector);

/** Reads a report's outline chunk by chunk, as it arrives; `finish` throws AppError on bad input. */
export function outlineReader() {
  const reader = new OutlineReader(outlineLists);
  return {
    write: (chunk: Uint8Array) => asAppError(() => reader.write(chunk)),
    finish: () => asAppError(() => reader.finish()),
  };
}

/** What a report is, from its outline, or AppError BAD_REQUEST for a format Ladder cannot read. */
export function readHeader(outline: Outline, hint: UploadKind | undefined): ReportHeader {
  const ignore = () => undefined;
  return begin(outline, hint, { finding: ignore, component: ignore, incident: ignore, deployment: ignore }).reading.header;
}

/**
 * Reads a report of any size in two passes over the source: its outline (the format, the tool),
 * unless the caller read it as the report arrived, then its lists item by item. `onHeader` runs
 * before the first record; `afterChunk` after every chunk of the second pass, the place to
 * write what was read.
 */
export async function readUploadStream(opts: {
  source: ByteSource;
  hint: UploadKind | undefined;
  out: RecordSink;
  outline?: Outline;
  onHeader(header: ReportHeader): Promise<void>;
  afterChunk(): Promise<void>;
}): Promise<ReadUpload> {
  const started = performance.now();
  const outline = opts.outline ?? (await asAppErrorAsync(() => readOutline(opts.source, outlineLists)));
  const outlineMs = performance.now() - started;
  const { reading, done } = begin(outline, opts.hint, opts.out);
  await opts.onHeader(reading.header);
  await asAppErrorAsync(() => streamItems(opts.source, reading.selectors, reading.item, opts.afterChunk));
  return { ...done(), timings: { outlineMs, itemsMs: performance.now() - started - outlineMs } };
}

function toAppError(error: JsonReadError): AppError {
  if (error.line <= 1 && error.detail?.startsWith('"<')) return new AppError("BAD_REQUEST", looksLikeXml);
  if (error.reason === "ended") return new AppError("BAD_REQUEST", endsEarly(error.line));
  return new AppError(
    "BAD_REQUEST",
    `The upload is not valid JSON: unexpected ${error.detail ?? "input"} at line ${error.line}.`,
  );
}

function asAppError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw error instanceof JsonReadError ? toAppError(error) : error;
  }
}

async function asAppErrorAsync<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof JsonReadError ? toAppError(error) : error;
  }
}

function describeFormat(format: UploadFormat): string {
  const names: Record<UploadFormat, string> = {
    sarif: "SARIF",
    "checkov-json": "a Checkov JSON report",
    "trivy-json": "a Trivy JSON report",
    "grype-json": "a Grype JSON report",
    "cyclonedx-json": "a CycloneDX SBOM",
    "spdx-json": "an SPDX SBOM",
    "incidents-json": "an incidents file",
    "pagerduty-json": "PagerDuty incidents",
    "pagerduty-csv": "a PagerDuty CSV incident export",
    "opsgenie-json": "Opsgenie alerts or incidents",
    "incident-io-json": "incident.io incidents",
    "deployments-json": "a deployments file",
    "github-deployment-status": "a GitHub deployment_status payload",
  };
  return names[format];
}
