import { Table, TBody, Td, Th } from "~/components/ui/table";
import { formatNumber } from "./format";
import type { SyncRun } from "./types";

export function RunApiCalls({ run }: { run: SyncRun }) {
  const rows = run.apiCallsByService;
  if (!rows.length) return null;
  return (
    <section aria-labelledby="api-calls-heading" className="max-w-md">
      <h3 id="api-calls-heading" className="mb-2 text-sm font-semibold text-slate-900">
        API calls per service
      </h3>
      <div className="overflow-hidden rounded-md border border-slate-200">
        <Table caption="AWS API calls per service">
          <thead>
            <tr>
              <Th>Service</Th>
              <Th className="text-right">Calls</Th>
            </tr>
          </thead>
          <TBody>
            {rows.map((row) => (
              <tr key={row.service}>
                <Td className="py-2">{row.name}</Td>
                <Td className="py-2 text-right tabular-nums">{formatNumber(row.calls)}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </div>
    </section>
  );
}
