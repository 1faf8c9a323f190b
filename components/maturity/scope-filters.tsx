"use client";

import Form from "next/form";
import Link from "next/link";
import { useId } from "react";
import { buttonClasses } from "~/components/ui/button";
import { Label } from "~/components/ui/label";
import { Select } from "~/components/ui/select";
import { environmentLabels, environments, type MaturityFilters } from "./labels";
import type { FilterOptions } from "./types";

// A GET form: the filters are the URL, so the server page prefetches exactly what is shown and
// the browser's back button undoes a filter. Changing a control applies it at once.
export function ScopeFilters({
  action,
  filters,
  options,
  shownEnvironments,
  keep = {},
}: {
  action: string;
  filters: MaturityFilters;
  options: FilterOptions;
  /** The environments the server resolved (production when nothing is chosen); null is all. */
  shownEnvironments: string[] | null;
  keep?: Record<string, string | undefined>;
}) {
  const id = useId();
  const offered = environments.filter((e) => e === "prod" || options.environments.includes(e));
  const isFiltered =
    Boolean(filters.allEnvironments) || filters.environments.length + filters.ouPaths.length + filters.accountIds.length > 0;
  const submit = (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => event.currentTarget.form?.requestSubmit();

  return (
    <Form
      key={JSON.stringify([filters, shownEnvironments])}
      action={action}
      scroll={false}
      className="flex flex-wrap items-end gap-x-6 gap-y-3"
    >
      {Object.entries(keep).map(([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />)}
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-slate-800">Environment</legend>
        <div className="flex h-10 flex-wrap items-center gap-x-4 gap-y-1">
          <label
            className="inline-flex items-center gap-1.5 text-sm text-slate-700"
            title="Every account, including those with no environment set"
          >
            <input
              type="checkbox"
              name="env"
              value="all"
              defaultChecked={Boolean(filters.allEnvironments)}
              onChange={submit}
              className="size-4 rounded border-slate-300"
            />
            All accounts
          </label>
          {offered.map((env) => (
            <label key={env} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
              <input
                type="checkbox"
                name="env"
                value={env}
                defaultChecked={shownEnvironments === null || shownEnvironments.includes(env)}
                // Under "All accounts" the environments are implied; unticking "All" brings them back.
                disabled={Boolean(filters.allEnvironments)}
                onChange={submit}
                className="size-4 rounded border-slate-300"
              />
              {environmentLabels[env]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="w-56 space-y-1.5">
        <Label htmlFor={`${id}-ou`}>Organizational unit</Label>
        <Select id={`${id}-ou`} name="ou" defaultValue={filters.ouPaths[0] ?? ""} onChange={submit}>
          <option value="">All OUs</option>
          {options.ouPaths.map((path) => (
            <option key={path} value={path}>
              {path}
            </option>
          ))}
        </Select>
      </div>
      <div className="w-64 space-y-1.5">
        <Label htmlFor={`${id}-account`}>Account</Label>
        <Select id={`${id}-account`} name="account" defaultValue={filters.accountIds[0] ?? ""} onChange={submit}>
          <option value="">All accounts</option>
          {options.accounts.map((account) => (
            <option key={account.accountId} value={account.accountId}>
              {account.name ? `${account.name} (${account.accountId})` : account.accountId}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex items-center gap-2">
        <noscript>
          <button type="submit" className={buttonClasses("secondary")}>
            Apply
          </button>
        </noscript>
        {isFiltered && (
          <Link href={action} scroll={false} className="text-sm font-medium text-slate-600 underline underline-offset-2">
            Reset to production
          </Link>
        )}
      </div>
    </Form>
  );
}
