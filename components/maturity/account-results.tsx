"use client";

import Link from "next/link";
import { useState } from "react";
import { Card, CardHeader } from "~/components/ui/card";
import { Table, Td, Th } from "~/components/ui/table";
import { plural, resultPath, statusOrder } from "./labels";
import { ResultBadges } from "./status-badge";
import type { AccountView } from "./types";

const passes = (r: AccountView["results"][number]) =>
  Boolean(r.waiver) || r.status === "pass" || r.status === "warning" || r.status === "not_applicable";

// One table, a group of rows per practice, so the columns line up down the page.
export function AccountResults({ workspace, accountId, view }: { workspace: string; accountId: string; view: AccountView }) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const problems = view.results.filter((r) => !passes(r)).length;
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="All results"
        description={`${plural(view.results.length, "check")} in this account, ${problems} not passing.`}
        action={
          <label className="inline-flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={onlyProblems}
              onChange={(e) => setOnlyProblems(e.currentTarget.checked)}
              className="size-4 rounded border-slate-300"
            />
            Only what does not pass
          </label>
        }
      />
      <Table caption="Every check result in this account" className="[&_table]:table-fixed">
        <colgroup>
          <col className="w-[38%]" />
          <col className="w-20" />
          <col className="w-36" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <Th>Check</Th>
            <Th>Level</Th>
            <Th>Result</Th>
            <Th>Reason</Th>
          </tr>
        </thead>
        {view.practices.map((practice) => {
          const rows = view.results
            .filter((r) => r.practiceId === practice.id && (!onlyProblems || !passes(r)))
            .sort((a, b) => a.level - b.level || statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status));
          if (!rows.length) return null;
          return (
            <tbody key={practice.id} className="divide-y divide-slate-100 border-t border-slate-200 bg-white">
              <tr>
                <th colSpan={4} scope="colgroup" className="bg-slate-50 px-4 py-2 text-left text-sm font-semibold text-slate-900">
                  {practice.title}
                </th>
              </tr>
              {rows.map((result) => (
                <tr key={result.id}>
                  <Td className="py-2.5">
                    <Link
                      href={resultPath(workspace, result.id, accountId)}
                      className="font-medium text-slate-900 underline-offset-2 hover:underline"
                    >
                      {result.title}
                    </Link>
                    {result.mode === "manual" && <span className="ml-1.5 text-xs text-sky-700">manual</span>}
                  </Td>
                  <Td className="py-2.5 text-xs whitespace-nowrap text-slate-500">Level {result.level}</Td>
                  <Td className="py-2.5">
                    <ResultBadges status={result.status} waiver={result.waiver} />
                  </Td>
                  <Td className="py-2.5 text-xs break-words text-slate-600">{result.reason}</Td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </Table>
    </Card>
  );
}
