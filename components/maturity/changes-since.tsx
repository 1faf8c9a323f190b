"use client";

import Form from "next/form";
import Link from "next/link";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { cn } from "~/components/ui/cn";
import { DateTime } from "~/components/ui/date-time";
import { Input } from "~/components/ui/input";
import { Table, TBody, Td, Th } from "~/components/ui/table";
import { isoDay, type MaturityFilters, plural, practicePath, resultPath } from "./labels";
import { LevelChip } from "./level-chip";
import { StatusBadge } from "./status-badge";
import type { ChangesSince as Changes, CheckChange, Level, PracticeSummary, Stage } from "./types";

export function ChangesSince({
  workspace,
  action,
  since,
  changes,
  practices,
  stage,
  filters,
  accountName,
  firstEvaluatedAt,
}: {
  workspace: string;
  action: string;
  since: string;
  firstEvaluatedAt: Date | undefined;
  changes: Changes | null;
  practices: PracticeSummary[];
  stage: 0 | Stage;
  filters: MaturityFilters;
  accountName: (id: string) => string;
}) {
  const then = changes?.then ?? null;
  const moved = then ? practices.filter((p) => (then.levels[p.id] ?? null) !== p.level) : [];
  const checks = changes?.checks ?? [];
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="What changed"
        description="Practice levels then and now, and every check whose result changed, with the accounts it changed in."
        action={
          <Form action={action} scroll={false} className="flex items-end gap-2">
            {filters.environments.map((env) => (
              <input key={env} type="hidden" name="env" value={env} />
            ))}
            {filters.ouPaths.map((ou) => (
              <input key={ou} type="hidden" name="ou" value={ou} />
            ))}
            {filters.accountIds.map((account) => (
              <input key={account} type="hidden" name="account" value={account} />
            ))}
            <label className="text-sm font-medium text-slate-800">
              Since
              <div className="mt-1 w-40">
                <Input
                  key={since}
                  type="date"
                  name="since"
                  defaultValue={since}
                  max={isoDay(new Date())}
                  onChange={(e) => e.currentTarget.value && e.currentTarget.form?.requestSubmit()}
                />
              </div>
            </label>
            <Button type="submit" variant="secondary">
              Compare
            </Button>
          </Form>
        }
      />
      <CardBody className="space-y-5">
        {!then ? (
          <p className="text-sm text-slate-600">
            Nothing to compare with: there was no evaluation yet on <DateTime value={since} />.
            {firstEvaluatedAt && (
              <>
                {" "}
                The first one in this period ran on <DateTime value={firstEvaluatedAt} withTime />; pick a later date to see what
                changed since then.
              </>
            )}
          </p>
        ) : (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">
              Compared with the evaluation of <DateTime value={then.evaluatedAt} withTime />: stage{" "}
              <strong className="font-semibold">{then.stage}</strong> → <strong className="font-semibold">{stage}</strong>
              {moved.length === 0 ? "; no practice changed level." : `; ${plural(moved.length, "practice")} changed level.`}
            </p>
            {moved.length > 0 && (
              <ul className="grid gap-2 sm:grid-cols-2">
                {moved.map((p) => (
                  <li key={p.id} className="flex items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm">
                    <LevelChip level={(then.levels[p.id] ?? null) as Level | null} />
                    <Arrow from={(then.levels[p.id] ?? null) as Level | null} to={p.level} />
                    <LevelChip level={p.level} />
                    <Link
                      href={practicePath(workspace, p.id, filters)}
                      className="min-w-0 font-medium text-slate-900 underline-offset-2 hover:underline"
                    >
                      {p.title}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {(then || checks.length > 0) && (
          <CheckChanges workspace={workspace} checks={checks} practices={practices} accountName={accountName} />
        )}
      </CardBody>
    </Card>
  );
}

function Arrow({ from, to }: { from: Level | null; to: Level | null }) {
  const up = (to ?? -1) > (from ?? -1);
  return (
    <span aria-label={up ? "rose to" : "fell to"} className={cn("font-semibold", up ? "text-emerald-600" : "text-red-600")}>
      {up ? "↑" : "↓"}
    </span>
  );
}

function CheckChanges({
  workspace,
  checks,
  practices,
  accountName,
}: {
  workspace: string;
  checks: CheckChange[];
  practices: PracticeSummary[];
  accountName: (id: string) => string;
}) {
  if (checks.length === 0) return <p className="text-sm text-slate-600">No check changed its result in this period.</p>;
  const titles = new Map(practices.map((p) => [p.id, p.title]));
  return (
    <div className="-mx-5 border-t border-slate-200">
      <Table caption="Check results that changed">
        <thead>
          <tr>
            <Th>Check</Th>
            <Th>Was</Th>
            <Th>Now</Th>
            <Th className="text-right">Accounts</Th>
          </tr>
        </thead>
        <TBody>
          {checks.map((change) => (
            <tr key={`${change.checkId}:${change.from}:${change.to}`}>
              <Td className="py-2.5">
                {change.accountIds[0] ? (
                  <Link
                    href={resultPath(workspace, change.checkId, change.accountIds[0])}
                    className="font-medium text-slate-900 underline-offset-2 hover:underline"
                  >
                    {change.title}
                  </Link>
                ) : (
                  <span className="font-medium text-slate-900">{change.title}</span>
                )}
                <p className="text-xs text-slate-500">{titles.get(change.practiceId) ?? change.practiceId}</p>
              </Td>
              <Td className="py-2.5">
                {change.from ? <StatusBadge status={change.from} /> : <span className="text-xs text-slate-500">new</span>}
              </Td>
              <Td className="py-2.5">
                {change.to ? <StatusBadge status={change.to} /> : <span className="text-xs text-slate-500">gone</span>}
              </Td>
              <Td className="py-2.5 text-right tabular-nums" title={change.accountIds.map(accountName).join(", ")}>
                {change.accountIds.length}
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
