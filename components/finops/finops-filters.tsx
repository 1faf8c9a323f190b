"use client";

import Form from "next/form";
import Link from "next/link";
import { useId } from "react";
import { buttonClasses } from "~/components/ui/button";
import { Label } from "~/components/ui/label";
import { Select } from "~/components/ui/select";
import type { FinOpsOverview } from "~/server/finops/types";

// A GET form like the maturity filters: the filters are the URL, a change applies at once, and
// the back button undoes it.
export function FinOpsFilters({ action, overview }: { action: string; overview: FinOpsOverview }) {
  const id = useId();
  const { filters, options } = overview;
  const submit = (event: React.ChangeEvent<HTMLSelectElement>) => event.currentTarget.form?.requestSubmit();
  const isFiltered = Boolean(filters.ou || filters.environment || filters.accountId);
  const field = (
    name: string,
    label: string,
    value: string | undefined,
    choices: { value: string; label: string }[],
    all?: string,
  ) => (
    <div className="w-full space-y-1.5 sm:w-56">
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
  return (
    <Form key={JSON.stringify(filters)} action={action} scroll={false} className="flex flex-wrap items-end gap-x-6 gap-y-3">
      {field(
        "period",
        "Period",
        filters.period,
        options.periods.map((p) => ({ value: p.key, label: `${p.label}${p.estimated ? " (estimated)" : ""}` })),
      )}
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
      <div className="flex items-center gap-2">
        <noscript>
          <button type="submit" className={buttonClasses("secondary")}>
            Apply
          </button>
        </noscript>
        {isFiltered && (
          <Link
            href={`${action}?period=${encodeURIComponent(filters.period)}`}
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
