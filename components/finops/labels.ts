import type { Architecture, Explained, Input, PriceBasis, PurchaseOption } from "~/server/finops/types";
import { formatQuantity, formatShare, formatUsd, monthLabel } from "./format";

export const architectureLabels: Record<Architecture, string> = {
  graviton: "Graviton (Arm)",
  x86: "x86 (Intel/AMD)",
  other: "Other",
};

export const purchaseOptionLabels: Record<PurchaseOption, string> = {
  on_demand: "On-Demand",
  spot: "Spot",
  reserved: "Reserved Instances",
  savings_plans: "Savings Plans",
};

/** What a number rests on, as its badge says it; the fetch date goes with list prices. */
export function basisLabel(basis: PriceBasis, pricesFetchedAt?: string): string {
  switch (basis) {
    case "price-list":
      return pricesFetchedAt
        ? `List prices fetched from AWS on ${monthLabel(pricesFetchedAt.slice(0, 10))}`
        : "List prices fetched from AWS";
    case "fallback-table":
      return "Dated fallback price table";
    case "fallback-percentage":
      return "Fallback percentage";
    case "observed":
      return "Observed in your usage";
    case "cost-explorer":
      return "Cost Explorer";
    case "focus":
      return "FOCUS export";
  }
}

/** Fallbacks are flagged amber: the number is an estimate a reader should weigh. */
export const isFallback = (basis: PriceBasis) => basis === "fallback-table" || basis === "fallback-percentage";

export function formatInput(input: Input): string {
  switch (input.unit) {
    case "USD":
      return formatUsd(input.value);
    case "%":
      return formatShare(input.value);
    case "hours":
      return input.value === null ? formatQuantity(null) : `${formatQuantity(input.value, 1)} h`;
    case "count":
      return formatQuantity(input.value);
  }
}

/** An Explained as text: dollars, or a percentage for rates. */
export function formatExplained(explained: Explained, kind: "usd" | "rate"): string {
  return kind === "rate" ? formatShare(explained.value) : formatUsd(explained.value);
}
