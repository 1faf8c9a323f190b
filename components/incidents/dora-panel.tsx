"use client";

import { useId, useState } from "react";
import { Card, CardHeader } from "~/components/ui/card";
import { Label } from "~/components/ui/label";
import { Select } from "~/components/ui/select";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import type { DoraRow, DoraTable, IncidentFilters } from "~/server/incidents/types";
import { DoraFigureView, doraKeys } from "./dora-figure";
import { ExportLinks } from "./export-links";

type Scope = "byOu" | "byAccount" | "byService";

const scopes: { value: Scope; label: string; name: string }[] = [
  { value: "byOu", label: "By OU", name: "OU" },
  { value: "byAccount", label: "By account", name: "Account" },
  { value: "byService", label: "By service", name: "Service" },
];

function BreakdownTable({ rows, name }: { rows: DoraRow[]; name: string }) {
  if (!rows.length) return <p className="px-5 py-4 text-sm text-slate-600">Nothing in this scope and range.</p>;
  return (
    <Table caption={`The four DORA keys ${name === "OU" ? "by OU" : `by ${name.toLowerCase()}`}`}>
      <thead>
        <tr>
          <Th className="normal-case">{name}</Th>
          {doraKeys.map((k) => (
            <Th key={k.key} className="min-w-40 normal-case">
              {k.label}
            </Th>
          ))}
        </tr>
      </thead>
      <TBody>
        {rows.map((row) => (
          <tr key={row.key} className="align-top">
            <th scope="row" className="px-4 py-3 text-left align-top font-medium text-slate-900">
              {row.label}
              {row.label !== row.key && <span className="block text-xs font-normal text-slate-600">{row.key}</span>}
            </th>
            {doraKeys.map((k) => (
              <Td key={k.key} className="align-top">
                <DoraFigureView doraKey={k.key} label={`${k.label}, ${row.label}`} figure={row[k.key]} size="sm" />
              </Td>
            ))}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

export function DoraPanel({ dora, workspace, filters }: { dora: DoraTable; workspace: string; filters: IncidentFilters }) {
  const id = useId();
  const [scope, setScope] = useState<Scope>("byAccount");
  const chosen = scopes.find((s) => s.value === scope)!;
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="The four DORA keys"
        description={`Bands from the ${dora.bands.year} DORA report (${dora.bands.source}). A deployment failed when it was rolled back or an incident on its service started within ${dora.failureWindowHours} h after it.`}
        action={<ExportLinks workspace={workspace} table="dora" filters={filters} label="the DORA table" />}
      />
      <dl className="grid gap-x-6 gap-y-5 px-5 py-4 sm:grid-cols-2 xl:grid-cols-4" aria-label="The whole scope">
        {doraKeys.map((k) => (
          <div key={k.key}>
            <dt className="mb-1 text-sm font-medium text-slate-600">{k.label}</dt>
            <dd>
              <DoraFigureView doraKey={k.key} label={k.label} figure={dora.workspace[k.key]} />
            </dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap items-end gap-3 border-t border-slate-200 px-5 py-3">
        <div className="w-full space-y-1.5 sm:w-56">
          <Label htmlFor={`${id}-scope`}>Break the keys down</Label>
          <Select id={`${id}-scope`} value={scope} onChange={(e) => setScope(e.currentTarget.value as Scope)}>
            {scopes.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <BreakdownTable rows={dora[scope]} name={chosen.name} />
    </Card>
  );
}
