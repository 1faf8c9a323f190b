import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { parquetWriteBuffer } from "hyparquet-writer";
import { Prisma } from "~/generated/prisma/client";

// Test support for FOCUS imports: the fixtures and the one public sample as text, their own
// sums worked out here (csv-parse's whole-file reader and decimal.js, not the import's code),
// and a Parquet copy of a fixture written the way AWS Data Exports types its columns.

export const focusFixture = (name: string) => readFileSync(path.join("server/focus/fixtures", name), "utf8");
export const focusSample = () =>
  readFileSync("../shared/samples/focus/FinOps-Open-Cost-and-Usage-Spec__FOCUS_Spec/saas_spend_agreements_b2.csv", "utf8");

type Row = Record<string, string>;
export const csvRows = (text: string): Row[] => parse(text, { bom: true, columns: true }) as Row[];

// The file's billing period start as Ladder stores it: ISO, or the sample's month/day/two-digit year.
function periodKey(value: string): string {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/.exec(value);
  const date = us ? new Date(Date.UTC(2000 + Number(us[3]), Number(us[1]) - 1, Number(us[2]))) : new Date(value);
  return date.toISOString().replace(/\.000Z$/, "Z");
}

export interface FileTotal {
  billingPeriodStart: string;
  subAccountId: string | null;
  billedCost: string;
  effectiveCost: string;
  listCost: string | null;
  contractedCost: string | null;
}

/** The file's own sums per billing period and sub-account (and provider and billing account), as decimal strings. */
export function fileTotals(rows: Row[]): Map<string, FileTotal & { rows: number }> {
  const sums = new Map<string, FileTotal & { rows: number }>();
  const add = (a: string | null, b: string) => (b === "" ? a : new Prisma.Decimal(a ?? 0).plus(b).toString());
  for (const row of rows) {
    const provider = row.ProviderName ?? row.ServiceProviderName ?? "";
    const key = [provider, row.BillingAccountId, periodKey(row.BillingPeriodStart!), row.SubAccountId || ""].join("|");
    const total = sums.get(key) ?? {
      billingPeriodStart: periodKey(row.BillingPeriodStart!),
      subAccountId: row.SubAccountId || null,
      rows: 0,
      billedCost: "0",
      effectiveCost: "0",
      listCost: null,
      contractedCost: null,
    };
    total.rows++;
    total.billedCost = add(total.billedCost, row.BilledCost!)!;
    total.effectiveCost = add(total.effectiveCost, row.EffectiveCost!)!;
    total.listCost = add(total.listCost, row.ListCost ?? "");
    total.contractedCost = add(total.contractedCost, row.ContractedCost ?? "");
    sums.set(key, total);
  }
  return sums;
}

const DECIMAL_COLUMNS = new Set([
  "BilledCost",
  "EffectiveCost",
  "ListCost",
  "ContractedCost",
  "ConsumedQuantity",
  "PricingQuantity",
]);
const TIME_COLUMNS = new Set(["BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd"]);

/** A Parquet copy of a FOCUS CSV: costs as DOUBLE and periods as TIMESTAMP, as AWS writes them; small row groups. */
export function focusParquet(text: string, rowGroupSize = 4): Buffer {
  const rows = csvRows(text);
  const columns = Object.keys(rows[0]!);
  const buffer = parquetWriteBuffer({
    rowGroupSize,
    columnData: columns.map((name) => {
      if (DECIMAL_COLUMNS.has(name)) {
        return { name, type: "DOUBLE" as const, data: rows.map((r) => (r[name] === "" ? null : Number(r[name]))) };
      }
      if (TIME_COLUMNS.has(name)) {
        return { name, type: "TIMESTAMP" as const, data: rows.map((r) => (r[name] === "" ? null : new Date(r[name]!))) };
      }
      return { name, type: "STRING" as const, data: rows.map((r) => (r[name] === "" ? null : r[name]!)) };
    }),
  });
  return Buffer.from(buffer);
}
