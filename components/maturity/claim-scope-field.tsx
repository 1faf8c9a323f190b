import { Select } from "~/components/ui/select";
import type { AccountRef, CheckInfo, ClaimScopeView } from "./types";

/** "/Workloads/Prod" → ["/Workloads/Prod", "/Workloads"]: the OUs an account sits under. */
function ouAncestors(ouPath: string | null): string[] {
  if (!ouPath) return [];
  const parts = ouPath.split("/").filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, parts.length - i).join("/")}`);
}

export function scopeFromForm(values: Record<string, string>, account: AccountRef): ClaimScopeView {
  if (values.scope === "ou" && values.ouPath) return { kind: "ou", ouPath: values.ouPath };
  if (values.scope === "account") return { kind: "account", accountId: account.accountId };
  return { kind: "organization" };
}

// Where a statement applies. It defaults to the check's own scope, so an organisation-wide
// check is attested once for every account.
export function ClaimScopeField({ id, account, check }: { id: string; account: AccountRef; check: CheckInfo }) {
  const ous = ouAncestors(account.ouPath);
  const fallback = check.scope === "ou" && ous.length === 0 ? "account" : check.scope;
  const option = (value: ClaimScopeView["kind"], label: React.ReactNode, disabled = false) => (
    <label className="flex items-center gap-2 text-sm text-slate-800">
      <input
        type="radio"
        name="scope"
        value={value}
        defaultChecked={fallback === value}
        disabled={disabled}
        className="size-4 border-slate-300"
      />
      {label}
    </label>
  );
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-sm font-medium text-slate-800">Applies to</legend>
      {option("organization", "The whole organisation")}
      <div className="flex flex-wrap items-center gap-2">
        {option("ou", "Every account under the OU", ous.length === 0)}
        {ous.length > 0 && (
          <div className="w-64">
            <Select id={`${id}-ou`} name="ouPath" aria-label="OU" defaultValue={ous[0]} className="h-8 py-1 text-xs">
              {ous.map((path) => (
                <option key={path} value={path}>
                  {path}
                </option>
              ))}
            </Select>
          </div>
        )}
      </div>
      {option("account", <>Only {account.name ?? account.accountId}</>)}
    </fieldset>
  );
}
