import { ZERO, type Decimal } from "../formulas/decimal";
import type { PurchaseOption } from "../types";

export const PURCHASE_OPTIONS: PurchaseOption[] = ["on_demand", "spot", "reserved", "savings_plans"];

/** CE PURCHASE_TYPE values ("On Demand Instances", "Standard Reserved Instances"…); anything else is on demand. */
export function purchaseOptionOf(purchaseType: string): PurchaseOption {
  if (purchaseType === "Spot Instances") return "spot";
  if (purchaseType.includes("Reserved")) return "reserved";
  if (purchaseType === "Savings Plans") return "savings_plans";
  return "on_demand";
}

/** FOCUS PricingCategory and CommitmentDiscountType to a purchase option. */
export function focusPurchaseOption(pricingCategory: string | null, commitmentType: string | null): PurchaseOption {
  if (pricingCategory === "Dynamic") return "spot";
  if (pricingCategory === "Committed") return /reserv/i.test(commitmentType ?? "") ? "reserved" : "savings_plans";
  return "on_demand";
}

/** The CE purchase types a purchase option covers (drill-down). */
export const CE_PURCHASE_TYPES: Record<PurchaseOption, string[]> = {
  on_demand: ["On Demand Instances"],
  spot: ["Spot Instances"],
  reserved: ["Standard Reserved Instances", "Convertible Reserved Instances", "Reserved Instances"],
  savings_plans: ["Savings Plans"],
};

export const emptyPurchase = (): Record<PurchaseOption, Decimal> => ({
  on_demand: ZERO,
  spot: ZERO,
  reserved: ZERO,
  savings_plans: ZERO,
});
