import { copyField } from "~/server/ingest/copy-insert";
import { AppError } from "~/server/errors";
import { instanceTypeOf, nodePoolOf } from "./aws-details";
import { detectFocusVersion, OPTIONAL_COLUMNS, PROVIDER_COLUMNS, REQUIRED_COLUMNS } from "./columns";
import { placeText, readDecimal, TimestampReader, type Place } from "./values";

/** FocusCostRow's columns in the order each COPY line gives them. */
export const FOCUS_ROW_COLUMNS = [
  "workspaceId",
  "uploadId",
  "rowNumber",
  "provider",
  "billingAccountId",
  "billingPeriodStart",
  "billingPeriodEnd",
  "billingCurrency",
  "subAccountId",
  "subAccountName",
  "chargePeriodStart",
  "chargePeriodEnd",
  "chargeCategory",
  "chargeClass",
  "serviceName",
  "serviceCategory",
  "regionId",
  "pricingCategory",
  "commitmentDiscountId",
  "commitmentDiscountType",
  "commitmentDiscountCategory",
  "commitmentDiscountStatus",
  "resourceId",
  "instanceType",
  "usageType",
  "nodePool",
  "consumedQuantity",
  "consumedUnit",
  "billedCost",
  "effectiveCost",
  "listCost",
  "contractedCost",
] as const;

type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number] | "Provider";

/** A row's cells as text, null for an empty cell; `line` is the row's line in the file (header = 1). */
export type Cells = readonly (string | null)[];

// Turns the rows of one FOCUS file into COPY text for FocusCostRow, checking every value it keeps.
export class FocusRowMapper {
  readonly version: string;
  readonly columnCount: number;
  private readonly at: Record<Column, number>;
  private readonly times = new TimestampReader();
  private readonly prefix: string;
  private readonly providerColumn: string;

  /** `header`: the file's columns (they tell the version); `columns`: what each row's cells are. */
  constructor(opts: {
    header: readonly string[];
    columns: readonly string[];
    workspaceId: string;
    uploadId: string;
    unit: "line" | "row";
  }) {
    this.version = detectFocusVersion(opts.header);
    this.unit = opts.unit;
    this.place = { unit: opts.unit, line: 0 };
    this.columnCount = opts.columns.length;
    const index = new Map(opts.columns.map((name, i) => [name, i]));
    this.providerColumn = PROVIDER_COLUMNS.find((c) => index.has(c)) ?? "ProviderName";
    this.at = Object.fromEntries([
      ...[...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].map((c) => [c, index.get(c) ?? -1]),
      ["Provider", index.get(this.providerColumn) ?? -1],
    ]) as Record<Column, number>;
    this.prefix = `${copyField(opts.workspaceId)}\t${copyField(opts.uploadId)}\t`;
  }

  private readonly unit: "line" | "row";
  // Where the row being read is, for messages: one object, not one string per row.
  private readonly place: Place;

  /** The COPY line of one row (with its newline). */
  line(cells: Cells, line: number): string {
    if (cells.length !== this.columnCount) {
      throw new AppError(
        "BAD_REQUEST",
        `${this.unit === "line" ? "Line" : "Row"} ${line} has ${cells.length} fields where the header has ${this.columnCount}; the file may be cut or badly quoted.`,
      );
    }
    this.place.line = line;
    const usageType = this.get(cells, "x_UsageType");
    const fields = [
      String(line),
      this.required(cells, "Provider"),
      this.required(cells, "BillingAccountId"),
      this.time(cells, "BillingPeriodStart"),
      this.time(cells, "BillingPeriodEnd"),
      this.required(cells, "BillingCurrency"),
      this.get(cells, "SubAccountId"),
      this.get(cells, "SubAccountName"),
      this.time(cells, "ChargePeriodStart"),
      this.time(cells, "ChargePeriodEnd"),
      this.required(cells, "ChargeCategory"),
      this.get(cells, "ChargeClass"),
      this.get(cells, "ServiceName"),
      this.get(cells, "ServiceCategory"),
      this.get(cells, "RegionId"),
      this.get(cells, "PricingCategory"),
      this.get(cells, "CommitmentDiscountId"),
      this.get(cells, "CommitmentDiscountType"),
      this.get(cells, "CommitmentDiscountCategory"),
      this.get(cells, "CommitmentDiscountStatus"),
      this.get(cells, "ResourceId"),
      instanceTypeOf(usageType, this.get(cells, "SkuPriceDetails")),
      usageType,
      nodePoolOf(this.get(cells, "Tags")),
      readDecimal(this.get(cells, "ConsumedQuantity"), "ConsumedQuantity", this.place),
      this.get(cells, "ConsumedUnit"),
      readDecimal(this.required(cells, "BilledCost"), "BilledCost", this.place),
      readDecimal(this.required(cells, "EffectiveCost"), "EffectiveCost", this.place),
      readDecimal(this.get(cells, "ListCost"), "ListCost", this.place),
      readDecimal(this.get(cells, "ContractedCost"), "ContractedCost", this.place),
    ];
    let text = this.prefix;
    for (let i = 0; i < fields.length; i++) text += (i ? "\t" : "") + copyField(fields[i] ?? null);
    return `${text}\n`;
  }

  private get(cells: Cells, column: Column): string | null {
    const i = this.at[column];
    return i < 0 ? null : (cells[i] ?? null);
  }

  private required(cells: Cells, column: Column): string {
    const value = this.get(cells, column);
    if (value !== null) return value;
    const name = column === "Provider" ? this.providerColumn : column;
    throw new AppError("BAD_REQUEST", `${name} on ${placeText(this.place)} is empty; every FOCUS row must have one.`, name);
  }

  private time(cells: Cells, column: Column): string | null {
    return this.times.read(this.required(cells, column), column, this.place);
  }
}
