import { AppError } from "~/server/errors";

// The FOCUS versions Ladder reads, told apart by the columns each one added (the FOCUS_Spec
// repository's column library; a later minor version only adds columns, so a file with a
// newer version's columns reads as that version). 1.3 renamed ProviderName to
// ServiceProviderName (and added HostProviderName); either names the provider here.
const ADDED_IN: { version: string; columns: string[] }[] = [
  {
    version: "1.3",
    columns: ["ServiceProviderName", "HostProviderName", "ContractApplied", "AllocatedMethodId", "AllocatedResourceId"],
  },
  {
    version: "1.2",
    columns: ["InvoiceId", "BillingAccountType", "SubAccountType", "PricingCurrency", "PricingCurrencyEffectiveCost"],
  },
  {
    version: "1.1",
    columns: [
      "SkuPriceDetails",
      "SkuMeter",
      "ServiceSubcategory",
      "CommitmentDiscountQuantity",
      "CommitmentDiscountUnit",
      "CapacityReservationId",
      "CapacityReservationStatus",
    ],
  },
];

/** What Ladder reads from every row: a file without one of these is not a FOCUS cost export it can use. */
export const REQUIRED_COLUMNS = [
  "BilledCost",
  "EffectiveCost",
  "BillingAccountId",
  "BillingCurrency",
  "BillingPeriodStart",
  "BillingPeriodEnd",
  "ChargePeriodStart",
  "ChargePeriodEnd",
  "ChargeCategory",
] as const;

export const PROVIDER_COLUMNS = ["ProviderName", "ServiceProviderName"] as const;

// FOCUS 0.5 (the draft before 1.0) named these columns differently; its files are refused by name.
const PRE_1_0_COLUMNS = ["AmortizedCost", "ChargeType", "UsageQuantity"];

/** The columns Ladder keeps, beside the required ones, read when present. */
export const OPTIONAL_COLUMNS = [
  "ListCost",
  "ContractedCost",
  "SubAccountId",
  "SubAccountName",
  "ChargeClass",
  "ServiceName",
  "ServiceCategory",
  "RegionId",
  "PricingCategory",
  "CommitmentDiscountId",
  "CommitmentDiscountType",
  "CommitmentDiscountCategory",
  "CommitmentDiscountStatus",
  "ResourceId",
  "ConsumedQuantity",
  "ConsumedUnit",
  "SkuPriceDetails",
  "Tags",
  "x_UsageType",
] as const;

/**
 * The FOCUS version a header is, from the columns present; AppError BAD_REQUEST naming the
 * first missing column when it is not a FOCUS cost export Ladder can read.
 */
export function detectFocusVersion(header: readonly string[]): string {
  const present = new Set(header);
  const missing = REQUIRED_COLUMNS.filter((column) => !present.has(column));
  if (!PROVIDER_COLUMNS.some((column) => present.has(column))) missing.push("ProviderName" as never);
  const focusColumns = [...REQUIRED_COLUMNS, ...PROVIDER_COLUMNS].filter((column) => present.has(column)).length;
  if (missing.length && PRE_1_0_COLUMNS.some((column) => present.has(column)) && present.has("BilledCost")) {
    throw new AppError(
      "BAD_REQUEST",
      `This looks like a FOCUS file of a version before 1.0 (it has ${PRE_1_0_COLUMNS.filter((c) => present.has(c)).join(", ")} ` +
        `and no ${missing.join(", ")}); that version is not supported. Export FOCUS 1.0 or later.`,
      missing[0],
    );
  }
  if (missing.length && focusColumns < 3) {
    throw new AppError(
      "BAD_REQUEST",
      `Not a FOCUS cost export: the header has no ${missing.slice(0, 4).join(", ")}${missing.length > 4 ? " …" : ""} ` +
        `(it starts ${header.slice(0, 5).join(", ") || "empty"}). Upload a FOCUS 1.0–1.3 export as CSV, gzipped CSV or Parquet.`,
      missing[0],
    );
  }
  if (missing.length) {
    throw new AppError(
      "BAD_REQUEST",
      `The FOCUS file has no column ${missing.join(", ")}, which every FOCUS 1.0–1.3 cost export has; re-export it with all the required columns.`,
      missing[0],
    );
  }
  return ADDED_IN.find((step) => step.columns.some((column) => present.has(column)))?.version ?? "1.0";
}
