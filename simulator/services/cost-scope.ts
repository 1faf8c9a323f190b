import type { OrgAccount } from "../data/organization";
import type { CallContext } from "./types";

/** The payer sees every linked account; a member sees only itself; an outsider sees nothing. */
export function visibleAccounts(context: CallContext): OrgAccount[] {
  const data = context.state.data;
  const caller = context.principal.accountId;
  if (caller === data.organization.managementAccount.id) return data.organization.accounts;
  const account = data.account(caller);
  return account ? [account] : [];
}

export function isPayer(context: CallContext): boolean {
  return context.principal.accountId === context.state.data.organization.managementAccount.id;
}
