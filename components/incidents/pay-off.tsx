"use client";

import Form from "next/form";
import { useId } from "react";
import { buttonClasses } from "~/components/ui/button";
import { Card, CardHeader } from "~/components/ui/card";
import { Label } from "~/components/ui/label";
import { Select } from "~/components/ui/select";
import type { ChangeSuggestion, IncidentFilters } from "~/server/incidents/types";
import { COMPARE_DAYS, filterValues, incidentsPath } from "./paths";
import { SuggestionsList } from "./suggestions-list";

/** The comparison window: a GET form keeping the filters and the chosen change. */
function WindowForm({
  workspace,
  filters,
  change,
  days,
}: {
  workspace: string;
  filters: IncidentFilters;
  change: string;
  days: number;
}) {
  const id = useId();
  const hidden = Object.entries({ ...filterValues(filters), change }).filter(([, v]) => v !== undefined && v !== "");
  const choices: number[] = COMPARE_DAYS.some((d) => d === days) ? [...COMPARE_DAYS] : [...COMPARE_DAYS, days];
  return (
    <Form action={`${incidentsPath(workspace)}#pay-off`} scroll={false} className="flex flex-wrap items-end gap-3">
      {hidden.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      <div className="w-full space-y-1.5 sm:w-56">
        <Label htmlFor={`${id}-days`}>Window on each side</Label>
        <Select id={`${id}-days`} name="days" defaultValue={String(days)} onChange={(e) => e.currentTarget.form?.requestSubmit()}>
          {choices.map((d) => (
            <option key={d} value={d}>
              {d} days
            </option>
          ))}
        </Select>
      </div>
      <noscript>
        <button type="submit" className={buttonClasses("secondary")}>
          Compare
        </button>
      </noscript>
    </Form>
  );
}

/** "Did it pay off?": the suggested changes, and the chosen one's before/after (`comparison`, loaded by the caller). */
export function PayOffPanel({
  workspace,
  filters,
  suggestions,
  change,
  days,
  comparison,
}: {
  workspace: string;
  filters: IncidentFilters;
  suggestions: ChangeSuggestion[];
  change: string | null;
  days: number;
  comparison: React.ReactNode;
}) {
  return (
    <Card id="pay-off" className="scroll-mt-4">
      <CardHeader
        title="Did it pay off?"
        description="Choose a change to compare the same window before and after it: incidents per 100 deployments, change failure rate and median time to restore, with counts and 95% intervals."
      />
      <div className="grid gap-6 px-5 py-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-900">Changes worth a look</h3>
          <SuggestionsList suggestions={suggestions} chosen={change} workspace={workspace} filters={filters} days={days} />
        </div>
        <div className="min-w-0 space-y-4">
          {change ? (
            <>
              <WindowForm workspace={workspace} filters={filters} change={change} days={days} />
              {comparison}
            </>
          ) : (
            <p className="text-sm text-slate-600">Choose a change on the left to see its before and after.</p>
          )}
        </div>
      </div>
    </Card>
  );
}
