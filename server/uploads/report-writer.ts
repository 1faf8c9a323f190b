import { once } from "node:events";
import type pg from "pg";
import { from as copyFrom, type CopyStreamQuery } from "pg-copy-streams";
import { v7 as timeOrderedId } from "uuid";
import { textValue } from "~/server/db/text-values";
import { copyField } from "~/server/ingest/copy-insert";
import type { DeploymentRecord, Finding, IncidentRecord, RecordSink, SbomComponent } from "./parsers";

// Writes a report's records as they are read: findings and components through COPY (one COPY
// at a time on the transaction's connection, switching tables when the report does), incidents
// and deployments as upserts of a thousand, keyed by (workspace, source, id) so that the same
// record uploaded again is updated, not counted twice. Nothing is visible until the caller commits.

export const FINDING_COLUMNS = [
  "id",
  "uploadId",
  "fingerprint",
  "ruleId",
  "title",
  "severity",
  "status",
  "resource",
  "file",
  "line",
  "packageName",
  "installedVersion",
  "fixedVersion",
  "vulnerabilityId",
  "cvss",
  "url",
];
export const COMPONENT_COLUMNS = ["id", "uploadId", "purl", "name", "version", "type", "licenses", "supplier"];
const FLUSH_CHARACTERS = 1 << 20;
const IN_FLIGHT_CHARACTERS = 8 << 20;
const INCIDENT_BATCH = 1000;

type Table = "UploadFinding" | "SbomComponent";

const field = (value: string | number | undefined) => copyField(value === undefined ? null : String(value));

export class ReportWriter implements RecordSink {
  private pending: { table: Table; text: string }[] = [];
  private pendingCharacters = 0;
  private incidents: IncidentRecord[] = [];
  private deployments: DeploymentRecord[] = [];
  private copy?: { table: Table; stream: CopyStreamQuery; done: Promise<void> };
  // Row ids: one time-ordered UUID per report, then a counter. Unique (the report's UUID is),
  // increasing (each index grows at its right edge), and without a random draw per row.
  private readonly idPrefix = timeOrderedId();
  private rowNumber = 0;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly uploadId: string,
    private readonly workspaceId: string,
  ) {}

  finding(f: Finding): void {
    const line = [
      this.nextId(),
      this.uploadId,
      f.fingerprint,
      f.ruleId,
      f.title.slice(0, 2000),
      f.severity,
      f.status,
      f.resource,
      f.file,
      f.line,
      f.packageName,
      f.installedVersion,
      f.fixedVersion,
      f.vulnerabilityId,
      f.cvss,
      f.url,
    ]
      .map(field)
      .join("\t");
    this.add("UploadFinding", `${line}\n`);
  }

  component(c: SbomComponent): void {
    const licenses = copyField(textValue(c.licenses, "array"));
    const line = [this.nextId(), this.uploadId, c.purl, c.name, c.version, c.type].map(field).join("\t");
    this.add("SbomComponent", `${line}\t${licenses}\t${field(c.supplier)}\n`);
  }

  incident(incident: IncidentRecord): void {
    this.incidents.push(incident);
  }

  deployment(deployment: DeploymentRecord): void {
    this.deployments.push(deployment);
  }

  /** Sends what was read so far; waits while Postgres is behind (back-pressure). */
  async flush(): Promise<void> {
    if (this.incidents.length >= INCIDENT_BATCH) await this.writeIncidents();
    if (this.deployments.length >= INCIDENT_BATCH) await this.writeDeployments();
    if (this.pendingCharacters < FLUSH_CHARACTERS) return;
    await this.writePending();
  }

  /** True while a COPY is open: the connection then takes no other statement. */
  get isCopying(): boolean {
    return this.copy !== undefined;
  }

  async end(): Promise<void> {
    await this.writePending();
    await this.endCopy();
    await this.writeIncidents();
    await this.writeDeployments();
  }

  private nextId(): string {
    return `${this.idPrefix}-${(this.rowNumber++).toString(36).padStart(5, "0")}`;
  }

  private add(table: Table, text: string) {
    const last = this.pending[this.pending.length - 1];
    if (last?.table === table) last.text += text;
    else this.pending.push({ table, text });
    this.pendingCharacters += text.length;
  }

  private async writePending() {
    const batches = this.pending;
    this.pending = [];
    this.pendingCharacters = 0;
    for (const { table, text } of batches) {
      const copy = await this.copyInto(table);
      // Postgres takes rows while the next part of the report is read: wait only when several
      // megabytes are in flight, not at every write, or reading and writing would take turns.
      copy.stream.write(text);
      if (copy.stream.writableLength > IN_FLIGHT_CHARACTERS) await Promise.race([once(copy.stream, "drain"), copy.done]);
    }
  }

  private async copyInto(table: Table) {
    if (this.copy?.table === table) return this.copy;
    await this.endCopy();
    const columns = table === "UploadFinding" ? FINDING_COLUMNS : COMPONENT_COLUMNS;
    const stream = this.client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`));
    const done = new Promise<void>((resolve, reject) => {
      stream.on("finish", resolve);
      stream.on("error", reject);
    });
    done.catch(() => undefined);
    this.copy = { table, stream, done };
    return this.copy;
  }

  private async endCopy() {
    const copy = this.copy;
    this.copy = undefined;
    if (!copy) return;
    copy.stream.end();
    await copy.done;
  }

  private async writeIncidents() {
    const batch = this.incidents;
    this.incidents = [];
    if (!batch.length) return;
    await this.endCopy();
    const rows = batch.map((i) => ({
      id: timeOrderedId(),
      source: i.source ?? "upload",
      externalKey: i.externalId,
      title: i.title,
      service: i.service ?? null,
      severity: i.severity ?? null,
      severityRank: i.severityRank ?? null,
      environment: i.environment ?? null,
      accountId: i.accountId ?? null,
      startedAt: i.startedAt.toISOString(),
      acknowledgedAt: i.acknowledgedAt?.toISOString() ?? null,
      resolvedAt: i.resolvedAt?.toISOString() ?? null,
      durationSeconds: i.resolvedAt ? Math.round((i.resolvedAt.getTime() - i.startedAt.getTime()) / 1000) : null,
      url: i.url ?? null,
      timeline: i.timeline ?? [],
    }));
    await this.client.query(
      `INSERT INTO "Incident" (id, "workspaceId", source, "externalKey", title, service, severity, "severityRank",
                               environment, "accountId", "startedAt", "acknowledgedAt", "resolvedAt", "durationSeconds",
                               url, timeline, "uploadId")
       SELECT x.id, $2, x.source, x."externalKey", x.title, x.service, x.severity, x."severityRank", x.environment,
              x."accountId", x."startedAt"::timestamptz AT TIME ZONE 'UTC', x."acknowledgedAt"::timestamptz AT TIME ZONE 'UTC',
              x."resolvedAt"::timestamptz AT TIME ZONE 'UTC', x."durationSeconds", x.url, x.timeline, $3
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, source text, "externalKey" text, title text, service text,
              severity text, "severityRank" int, environment text, "accountId" text, "startedAt" text,
              "acknowledgedAt" text, "resolvedAt" text, "durationSeconds" int, url text, timeline jsonb)
       ON CONFLICT ("workspaceId", source, "externalKey") DO UPDATE SET
              title = EXCLUDED.title, service = EXCLUDED.service, severity = EXCLUDED.severity,
              "severityRank" = EXCLUDED."severityRank", environment = EXCLUDED.environment,
              "accountId" = EXCLUDED."accountId", "startedAt" = EXCLUDED."startedAt",
              "acknowledgedAt" = EXCLUDED."acknowledgedAt", "resolvedAt" = EXCLUDED."resolvedAt",
              "durationSeconds" = EXCLUDED."durationSeconds", url = EXCLUDED.url, timeline = EXCLUDED.timeline,
              "uploadId" = EXCLUDED."uploadId"`,
      [JSON.stringify(rows), this.workspaceId, this.uploadId],
    );
  }

  private async writeDeployments() {
    const batch = this.deployments;
    this.deployments = [];
    if (!batch.length) return;
    await this.endCopy();
    const iso = (date: Date | undefined) => date?.toISOString() ?? null;
    const rows = batch.map((d) => ({
      id: timeOrderedId(),
      source: d.source,
      externalKey: d.externalId,
      service: d.service,
      environment: d.environment,
      accountId: d.accountId ?? null,
      commitSha: d.commitSha ?? null,
      committedAt: iso(d.committedAt),
      startedAt: iso(d.startedAt),
      finishedAt: d.finishedAt.toISOString(),
      status: d.status,
      url: d.url ?? null,
    }));
    await this.client.query(
      `INSERT INTO "ReportedDeployment" (id, "workspaceId", "uploadId", source, "externalKey", service, environment,
                                         "accountId", "commitSha", "committedAt", "startedAt", "finishedAt", status, url)
       SELECT x.id, $2, $3, x.source, x."externalKey", x.service, x.environment, x."accountId", x."commitSha",
              x."committedAt"::timestamptz AT TIME ZONE 'UTC', x."startedAt"::timestamptz AT TIME ZONE 'UTC',
              x."finishedAt"::timestamptz AT TIME ZONE 'UTC', x.status, x.url
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, source text, "externalKey" text, service text, environment text,
              "accountId" text, "commitSha" text, "committedAt" text, "startedAt" text, "finishedAt" text, status text,
              url text)
       ON CONFLICT ("workspaceId", source, "externalKey") DO UPDATE SET
              service = EXCLUDED.service, environment = EXCLUDED.environment, "accountId" = EXCLUDED."accountId",
              "commitSha" = EXCLUDED."commitSha", "committedAt" = EXCLUDED."committedAt",
              "startedAt" = EXCLUDED."startedAt", "finishedAt" = EXCLUDED."finishedAt", status = EXCLUDED.status,
              url = EXCLUDED.url, "uploadId" = EXCLUDED."uploadId"`,
      [JSON.stringify(rows), this.workspaceId, this.uploadId],
    );
  }
}
