"use client";

import Form from "next/form";
import Link from "next/link";
import { useId } from "react";
import { buttonClasses } from "~/components/ui/button";
import { Label } from "~/components/ui/label";
import { Select } from "~/components/ui/select";
import type { IncidentsOverview } from "~/server/incidents/types";
import { formatUtc } from "./format";
import { FAILURE_WINDOWS, incidentsPath, rangePresets } from "./paths";

type Choice = { value: string; label: string };

// A GET form like the FinOps filters: the filters are the URL, a change applies at once, and the
// back button undoes it. The range presets are `from` dates counted back from the range's end.
export function IncidentsFilters({
  workspace,
  overview,
  urlTo,
}: {
  workspace: string;
  overview: IncidentsOverview;
  /** The range's end when the URL names one; otherwise the service's default (tomorrow) stays unpinned. */
  urlTo?: string;
}) {
  const id = useId();
  const { filters, options } = overview;
  const submit = (event: React.ChangeEvent<HTMLSelectElement>) => event.currentTarget.form?.requestSubmit();
  const isFiltered = Boolean(filters.ou || filters.environment || filters.accountId || filters.service);
  const presets = rangePresets(filters);
  const ranges: Choice[] = presets.options.map((o) => ({ value: o.from, label: o.label }));
  if (presets.current === null)
    ranges.push({ value: filters.from, label: `Since ${formatUtc(`${filters.from}T00:00:00Z`, false)}` });
  const windows: Choice[] = FAILURE_WINDOWS.map((h) => ({ value: String(h), label: `${h} h after a deployment` }));
  if (!FAILURE_WINDOWS.some((h) => h === filters.failureWindowHours)) {
    windows.push({ value: String(filters.failureWindowHours), label: `${filters.failureWindowHours} h after a deployment` });
  }
  const field = (name: string, label: string, value: string | undefined, choices: Choice[], all?: string) => (
    <div className="w-full space-y-1.5 sm:w-52">
      <Label htmlFor={`${id}-${name}`}>{label}</Label>
      <Select id={`${id}-${name}`} name={name} defaultValue={value ?? ""} onChange={submit}>
        {all && <option value="">{all}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </Select>
    </div>
  );
  const action = incidentsPath(workspace);
  return (
    <Form key={JSON.stringify(filters)} action={action} scroll={false} className="flex flex-wrap items-end gap-x-6 gap-y-3">
      {urlTo && <input type="hidden" name="to" value={urlTo} />}
      {field("from", "Range", filters.from, ranges)}
      {field("bucket", "Buckets (UTC)", filters.bucket, [
        { value: "month", label: "Monthly" },
        { value: "week", label: "Weekly (from Monday)" },
      ])}
      {field(
        "ou",
        "Organizational unit",
        filters.ou,
        options.ous.map((ou) => ({ value: ou.id, label: ou.path })),
        "All OUs",
      )}
      {field(
        "environment",
        "Environment",
        filters.environment,
        options.environments.map((e) => ({ value: e, label: e })),
        "All environments",
      )}
      {field(
        "account",
        "Account",
        filters.accountId,
        options.accounts.map((a) => ({ value: a.accountId, label: a.name ? `${a.name} (${a.accountId})` : a.accountId })),
        "All accounts",
      )}
      {field(
        "service",
        "Service",
        filters.service,
        options.services.map((s) => ({ value: s, label: s })),
        "All services",
      )}
      {field("window", "A deployment failed if an incident follows within", String(filters.failureWindowHours), windows)}
      <div className="flex items-center gap-2">
        <noscript>
          <button type="submit" className={buttonClasses("secondary")}>
            Apply
          </button>
        </noscript>
        {isFiltered && (
          <Link
            href={incidentsPath(workspace, { from: filters.from, to: urlTo, bucket: filters.bucket })}
            scroll={false}
            className="text-sm font-medium text-slate-600 underline underline-offset-2"
          >
            Whole organisation
          </Link>
        )}
      </div>
    </Form>
  );
}
