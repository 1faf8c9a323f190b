"use client";

import Form from "next/form";
import Link from "next/link";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { cn } from "~/components/ui/cn";
import { Input } from "~/components/ui/input";
import { CheckChanges } from "./check-changes";
import { isoDay, type MaturityFilters, plural, practicePath } from "./labels";
import { LevelChip } from "./level-chip";
import type { ChangesSince as Changes, Level, PracticeSummary, Stage } from "./types";
import { UtcTime } from "./utc-time";

export function ChangesSince({
  workspace,
  action,
  since,
  changes,
  practices,
  stage,
  filters,
  accountName,
}: {
  workspace: string;
  action: string;
  since: string;
  changes: Changes | null;
  practices: PracticeSummary[];
  stage: 0 | Stage;
  filters: MaturityFilters;
  accountName: (id: string) => string;
}) {
  const baseline = changes?.baseline ?? null;
  const moved = baseline ? practices.filter((p) => (baseline.levels[p.id] ?? null) !== p.level) : [];
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title="What changed"
        description="The last evaluation before the day you pick, compared with the latest: practice levels, and every check whose result or waiver changed, with why and in how many accounts. Days start at 00:00 UTC."
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
              Since (UTC day)
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
        {changes && <Comparison changes={changes} />}
        {baseline && (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">
              Stage <strong className="font-semibold">{baseline.stage}</strong> →{" "}
              <strong className="font-semibold">{stage}</strong>
              {moved.length === 0 ? "; no practice changed level." : `; ${plural(moved.length, "practice")} changed level.`}
            </p>
            {moved.length > 0 && (
              <ul className="grid gap-2 sm:grid-cols-2">
                {moved.map((p) => (
                  <li key={p.id} className="flex items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm">
                    <LevelChip level={(baseline.levels[p.id] ?? null) as Level | null} />
                    <Arrow from={(baseline.levels[p.id] ?? null) as Level | null} to={p.level} />
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
        {baseline && changes && (
          <CheckChanges workspace={workspace} checks={changes.checks} practices={practices} accountName={accountName} />
        )}
      </CardBody>
    </Card>
  );
}

/** Which two evaluations are compared, each with its time in UTC, and how many ran in between. */
function Comparison({ changes }: { changes: Changes }) {
  const start = <UtcTime value={changes.since} dayOnly />;
  if (!changes.baseline) {
    return (
      <p className="text-sm text-slate-600">
        Nothing to compare with: no evaluation ran before 00:00 UTC on {start}, so no change is listed.
        {changes.firstInRange && (
          <>
            {" "}
            The first evaluation since then ran at <UtcTime value={changes.firstInRange.evaluatedAt} />
            {changes.evaluations > 1 && (
              <>
                , the latest of {changes.evaluations} at <UtcTime value={changes.latest.evaluatedAt} />
              </>
            )}
            . Pick an earlier day to see what changed.
          </>
        )}
      </p>
    );
  }
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
      <dt className="text-slate-500">Baseline (last before 00:00 UTC on {start})</dt>
      <dd className="font-medium text-slate-900">
        <UtcTime value={changes.baseline.evaluatedAt} />
      </dd>
      <dt className="text-slate-500">Latest</dt>
      <dd className="font-medium text-slate-900">
        <UtcTime value={changes.latest.evaluatedAt} />
      </dd>
      <dt className="text-slate-500">Evaluations since {start}</dt>
      <dd className="font-medium text-slate-900 tabular-nums">
        {changes.evaluations === 0 ? "None: the baseline is still the latest" : changes.evaluations}
      </dd>
    </dl>
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
