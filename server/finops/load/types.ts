import type { Decimal } from "../formulas/decimal";
import type { CostSource, PurchaseOption } from "../types";

// The intermediate shape both loaders produce: EC2 usage per (account, month), summed in SQL.
// Cost Explorer can only group by two keys, so its account-months carry instance types and
// purchase options apart and lean on organisation-wide figures (PayerMonth) for the rest; FOCUS
// rows carry every column, so its account-months come with the exact split and exact savings.

export interface TypeUsage {
  instanceType: string;
  /** Effective (amortized) cost of the usage. */
  cost: Decimal;
  hours: Decimal;
}

export interface TypePurchase extends TypeUsage {
  purchase: PurchaseOption;
  /** FOCUS ListCost (on-demand list); null where the source has none (CE). */
  listCost: Decimal | null;
  /** FOCUS: Windows usage (never Graviton-eligible). */
  windowsCost: Decimal;
}

export interface NodePoolUsage {
  nodePool: string;
  cost: Decimal;
  /** Spot part, when the source splits node pools by purchase option per account (FOCUS). */
  spot: Decimal | null;
  graviton: Decimal | null;
}

export interface AccountMonth {
  source: CostSource;
  accountId: string;
  /** "YYYY-MM" */
  month: string;
  /** CE: the payer whose rows these are; FOCUS: null. */
  payerRef: string | null;
  estimated: boolean;
  types: TypeUsage[];
  purchase: Record<PurchaseOption, Decimal>;
  nodePools: NodePoolUsage[];
  /** FOCUS only: the exact split by instance type and purchase option, and its waste. */
  exact?: { lines: TypePurchase[]; wasteRi: Decimal; wasteSp: Decimal };
}

export interface CommitmentTotals {
  /** RI: RICostForUnusedHours; SP: UnusedCommitment. */
  unused: Decimal;
  /** RI NetRISavings / SP NetSavings. */
  netSavings: Decimal;
  /** RI purchased hours; SP: null. */
  hours: Decimal | null;
  unusedHours: Decimal | null;
  /** SP commitment and used commitment. */
  commitment: Decimal | null;
  used: Decimal | null;
}

/** Organisation-wide Cost Explorer figures of one payer and month (accountId "*" rows). */
export interface PayerMonth {
  payerRef: string;
  /** The payer's own account number: where CE books the RI unused fee when it holds Reserved rows. */
  payerAccountId: string | null;
  month: string;
  typePurchase: TypePurchase[];
  nodePoolPurchase: { nodePool: string; purchase: PurchaseOption; cost: Decimal }[];
  ri: CommitmentTotals | null;
  sp: CommitmentTotals | null;
}

export interface CostData {
  accountMonths: AccountMonth[];
  payerMonths: PayerMonth[];
}
