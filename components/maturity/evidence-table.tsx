import { Card, CardHeader } from "~/components/ui/card";
import { DateTime } from "~/components/ui/date-time";
import { EmptyState } from "~/components/ui/empty-state";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { plural } from "./labels";
import type { EvidenceRow } from "./types";

type FieldValue = EvidenceRow["fields"][string];

const LONG = 60;

/** Policy documents and target lists arrive as JSON text; indented, a reader can follow them. */
function asJson(value: string): string | null {
  if (!/^\s*[[{]/.test(value)) return null;
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return null;
  }
}

function Value({ value }: { value: FieldValue }) {
  if (value === null || value === "") return <span className="text-slate-500">—</span>;
  if (typeof value === "boolean")
    return <span className={value ? "text-emerald-700" : "text-red-700"}>{value ? "yes" : "no"}</span>;
  if (typeof value === "number") return <span className="tabular-nums">{value.toLocaleString("en-US")}</span>;
  const json = value.length > LONG ? asJson(value) : null;
  if (json) {
    return (
      <pre className="max-h-72 overflow-auto rounded bg-slate-50 px-3 py-2 font-mono text-[11px] leading-relaxed text-slate-800">
        {json}
      </pre>
    );
  }
  return <span className="break-words">{value}</span>;
}

function plainValue(value: FieldValue): string {
  if (value === null || value === "") return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

/** The fields that decided the check, with the values it read: what to fix, not only where. */
function Decisive({ row }: { row: EvidenceRow }) {
  if (!row.decisive.length) return null;
  return (
    <p data-testid="evidence-decisive" className="mt-1 text-xs text-slate-700">
      Decided by{" "}
      {row.decisive.map((d, i) => (
        <span key={d.field}>
          {i > 0 && ", "}
          <code className="rounded bg-amber-50 px-1 font-mono text-amber-900">
            {d.field}: {plainValue(d.value)}
          </code>
        </span>
      ))}
    </p>
  );
}

const isDecisive = (row: EvidenceRow, field: string) => row.decisive.some((d) => d.field === field);

// The rows the check read, so a reader can verify the verdict by hand: a table per kind when
// the fields are short, one block per row when they hold documents. The fields that decided
// the result are named under each row's label and marked where they appear.
export function EvidenceTable({ rows }: { rows: EvidenceRow[] }) {
  const kinds = [...new Set(rows.map((r) => r.kind))];
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="Evidence"
        description={
          rows.length
            ? `${plural(rows.length, "row")} the check read, as stored at the last sync or upload.`
            : "The rows the check read."
        }
      />
      {rows.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No evidence rows">
            The check found nothing to read: the data was never synced, the source is not connected, or nothing exists yet.
          </EmptyState>
        </div>
      ) : (
        kinds.map((kind) => {
          const ofKind = rows.filter((r) => r.kind === kind);
          const fields = [...new Set(ofKind.flatMap((r) => Object.keys(r.fields)))];
          const isWide =
            fields.length > 6 ||
            ofKind.some((r) => Object.values(r.fields).some((v) => typeof v === "string" && v.length > LONG));
          return (
            <section key={kind} aria-label={`${kind} evidence`} className="border-t border-slate-200 first:border-t-0">
              <h3 className="bg-slate-50 px-5 py-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">
                {kind} <span className="font-normal text-slate-500 normal-case">· {plural(ofKind.length, "row")}</span>
              </h3>
              {isWide ? <RowBlocks rows={ofKind} fields={fields} /> : <RowTable kind={kind} rows={ofKind} fields={fields} />}
            </section>
          );
        })
      )}
    </Card>
  );
}

function RowBlocks({ rows, fields }: { rows: EvidenceRow[]; fields: string[] }) {
  return (
    <ul className="divide-y divide-slate-100">
      {rows.map((row) => (
        <li key={row.id} data-testid="evidence-row" className="px-5 py-4">
          <p className="text-sm font-semibold break-words text-slate-900">{row.label}</p>
          <p className="text-xs text-slate-500">
            Observed <DateTime value={row.observedAt} withTime />
          </p>
          <Decisive row={row} />
          <dl className="mt-3 grid gap-x-4 gap-y-2 text-xs sm:grid-cols-[10rem_minmax(0,1fr)]">
            {fields.map((field) => (
              <div key={field} className="contents">
                <dt className={isDecisive(row, field) ? "font-mono font-semibold text-amber-900" : "font-mono text-slate-500"}>
                  {field}
                </dt>
                <dd className="min-w-0 text-slate-800">
                  <Value value={row.fields[field] ?? null} />
                </dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}

function RowTable({ kind, rows, fields }: { kind: string; rows: EvidenceRow[]; fields: string[] }) {
  return (
    <Table caption={`${kind} evidence rows`}>
      <thead>
        <tr>
          <Th className="bg-white normal-case">Row</Th>
          <Th className="bg-white normal-case">Observed</Th>
          {fields.map((field) => (
            <Th key={field} className="bg-white font-mono text-[11px] normal-case">
              {field}
            </Th>
          ))}
        </tr>
      </thead>
      <TBody>
        {rows.map((row) => (
          <tr key={row.id} data-testid="evidence-row">
            <Td className="py-2 text-xs font-medium break-words text-slate-900">
              {row.label}
              <Decisive row={row} />
            </Td>
            <Td className="py-2 text-xs whitespace-nowrap">
              <DateTime value={row.observedAt} withTime />
            </Td>
            {fields.map((field) => (
              <Td key={field} className={isDecisive(row, field) ? "bg-amber-50 py-2 text-xs font-semibold" : "py-2 text-xs"}>
                <Value value={row.fields[field] ?? null} />
              </Td>
            ))}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
