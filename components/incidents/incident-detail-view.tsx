import Link from "next/link";
import { Badge } from "~/components/ui/badge";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import type { DeploymentView, IncidentDetail } from "~/server/incidents/types";
import { deploymentStatusLabel, formatDuration, formatUtc, severityLabels, sourceLabel } from "./format";
import { incidentPath, incidentsPath } from "./paths";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

const statusTone = (status: DeploymentView["status"]) =>
  status === "succeeded" ? "green" : status === "failed" ? "red" : "amber";

function DeploymentsBefore({ detail, workspace }: { detail: IncidentDetail; workspace: string }) {
  const { incident, deploymentsBefore } = detail;
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="Deployments in the 24 hours before"
        description={`On the same account and service (${incident.service ?? "no service named"}), finished in the 24 h before the incident started; newest first.`}
      />
      {deploymentsBefore.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-600">
          {incident.service && incident.accountId
            ? "No deployment on this account and service in the 24 hours before."
            : "The incident names no account or service, so no deployment can be tied to it."}
        </p>
      ) : (
        <Table caption="Deployments in the 24 hours before the incident">
          <thead>
            <tr>
              <Th className="normal-case">Finished (UTC)</Th>
              <Th className="normal-case">Deployment</Th>
              <Th className="normal-case">Status</Th>
              <Th className="normal-case">Commit</Th>
              <Th className="normal-case">Before the incident</Th>
            </tr>
          </thead>
          <TBody>
            {deploymentsBefore.map((d) => {
              const lead = (new Date(incident.startedAt).getTime() - new Date(d.finishedAt).getTime()) / 1000;
              const name = `${d.service}${d.environment ? ` (${d.environment})` : ""} · ${sourceLabel(d.source)}`;
              return (
                <tr key={d.id} id={`deployment-${d.id}`}>
                  <Td className="py-2 whitespace-nowrap tabular-nums">{formatUtc(d.finishedAt)}</Td>
                  <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                    <Link
                      href={incidentsPath(workspace, { service: d.service, accountId: d.accountId ?? undefined })}
                      className="text-sky-800 underline underline-offset-2"
                    >
                      {name}
                      <span className="sr-only">: its service&apos;s incidents and deployments</span>
                    </Link>
                    {d.url && (
                      <a
                        href={d.url}
                        className="ml-2 text-xs font-normal text-sky-800 underline underline-offset-2"
                        rel="noreferrer"
                        target="_blank"
                      >
                        {d.source === "codedeploy" ? "AWS console" : "Log"}
                        <span className="sr-only"> of deployment {d.id} (opens in a new tab)</span>
                      </a>
                    )}
                    <span className="block text-xs font-normal text-slate-600">
                      {d.id}
                      {d.deploymentConfig ? ` · ${d.deploymentConfig}` : ""}
                    </span>
                  </th>
                  <Td className="py-2">
                    <Badge tone={statusTone(d.status)}>{deploymentStatusLabel(d.status)}</Badge>
                  </Td>
                  <Td className="py-2 font-mono text-xs">
                    {d.commitSha ? d.commitSha.slice(0, 10) : "—"}
                    {d.committedAt && (
                      <span className="block font-sans text-slate-600">committed {formatUtc(d.committedAt)}</span>
                    )}
                  </Td>
                  <Td className="py-2 whitespace-nowrap tabular-nums">{formatDuration(lead)}</Td>
                </tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </Card>
  );
}

export function IncidentDetailView({ detail, workspace }: { detail: IncidentDetail; workspace: string }) {
  const { incident, timeline, experimentsInFlight, origin } = detail;
  return (
    <div className="space-y-6">
      <Card>
        <CardBody>
          <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-4">
            <Fact label="Started">{formatUtc(incident.startedAt)}</Fact>
            <Fact label="Acknowledged">{incident.acknowledgedAt ? formatUtc(incident.acknowledgedAt) : "Not recorded"}</Fact>
            <Fact label="Resolved">
              {incident.resolvedAt ? formatUtc(incident.resolvedAt) : <Badge tone="amber">Still open</Badge>}
            </Fact>
            <Fact label="Time to restore">{incident.resolvedAt ? formatDuration(incident.durationSeconds) : "Still open"}</Fact>
            <Fact label="Severity">
              {incident.severity
                ? `${incident.severity} (${severityLabels[incident.severityKey]})`
                : severityLabels[incident.severityKey]}
            </Fact>
            <Fact label="Account">
              {incident.accountName ? `${incident.accountName} (${incident.accountId})` : (incident.accountId ?? "Not named")}
            </Fact>
            <Fact label="Service">{incident.service ?? "Not named"}</Fact>
            <Fact label="Environment">{incident.environment ?? "Not named"}</Fact>
            <Fact label="Sources">
              {sourceLabel(incident.source)}
              {incident.alsoFrom.map((a) => (
                <span key={a.id}>
                  {", "}
                  <Link href={incidentPath(workspace, a.id)} className="text-sky-800 underline underline-offset-2">
                    {sourceLabel(a.source)}
                  </Link>
                </span>
              ))}
              {incident.alsoFrom.length > 0 && <span className="block text-xs text-slate-600">Counted once.</span>}
            </Fact>
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Timeline" description="As its sources recorded it; times in UTC." />
        {timeline.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-600">The source recorded no timeline for this incident.</p>
        ) : (
          <ol className="space-y-2 px-5 py-4 text-sm">
            {timeline.map((entry, i) => (
              <li key={`${entry.at}-${i}`} className="grid gap-x-4 sm:grid-cols-[12rem_8rem_1fr]">
                <span className="text-slate-600 tabular-nums">{formatUtc(entry.at)}</span>
                <span className="font-medium text-slate-800">{entry.type}</span>
                <span className="text-slate-900">{entry.text}</span>
              </li>
            ))}
          </ol>
        )}
      </Card>
      <DeploymentsBefore detail={detail} workspace={workspace} />
      <Card>
        <CardHeader
          title="Chaos experiments in flight"
          description="FIS experiments running on the account when the incident started."
        />
        {experimentsInFlight.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-600">None was running.</p>
        ) : (
          <ul className="space-y-1 px-5 py-4 text-sm">
            {experimentsInFlight.map((e) => (
              <li key={e.id}>
                <span className="font-medium text-slate-900">{e.experimentId}</span> (template {e.templateId}, {e.status}):{" "}
                {formatUtc(e.startedAt)} to {e.endedAt ? formatUtc(e.endedAt) : "still running"}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <CardHeader title="Where it came from" />
        <dl className="grid gap-x-6 gap-y-3 px-5 py-4 sm:grid-cols-2">
          <Fact label="Source">{sourceLabel(origin.source)}</Fact>
          <Fact label="Record">
            <span className="font-mono text-xs break-all">{origin.key}</span>
          </Fact>
          {origin.alarmArn && (
            <Fact label="CloudWatch alarm">
              <span className="font-mono text-xs break-all">{origin.alarmArn}</span>
            </Fact>
          )}
          {origin.uploadId && (
            <Fact label="Upload">
              <Link href={`/w/${workspace}/sync`} className="text-sky-800 underline underline-offset-2">
                Upload {origin.uploadId}
              </Link>
            </Fact>
          )}
          {origin.url && (
            <Fact label="Link">
              <a
                href={origin.url}
                className="break-all text-sky-800 underline underline-offset-2"
                rel="noreferrer"
                target="_blank"
              >
                {origin.url}
              </a>
            </Fact>
          )}
        </dl>
      </Card>
    </div>
  );
}
