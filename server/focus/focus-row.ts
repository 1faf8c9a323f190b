import { copyField } from "~/server/ingest/copy-insert";
import { AppError } from "~/server/errors";
import { instanceTypeOf, nodePoolOf } from "./aws-details";
import { detectFocusVersion, OPTIONAL_COLUMNS, PROVIDER_COLUMNS, REQUIRED_COLUMNS } from "./columns";
import { readDecimal, TimestampReader } from "./values";

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

  /** The COPY line of one row (with its newline). */
  line(cells: Cells, line: number): string {
    if (cells.length !== this.columnCount) {
      throw new AppError(
        "BAD_REQUEST",
        `${this.unit === "line" ? "Line" : "Row"} ${line} has ${cells.length} fields where the header has ${this.columnCount}; the file may be cut or badly quoted.`,
      );
    }
    const get = (column: Column) => {
      const i = this.at[column];
      return i < 0 ? null : (cells[i] ?? null);
    };
    const required = (column: Column) => {
      const value = get(column);
      if (value === null) {
        const name = column === "Provider" ? this.providerColumn : column;
        throw new AppError("BAD_REQUEST", `${name} on ${this.unit} ${line} is empty; every FOCUS row must have one.`, name);
      }
      return value;
    };
    const time = (column: Column, need = true) => this.times.read(need ? required(column) : get(column), column, where);
    const decimal = (column: Column, need = false) => readDecimal(need ? required(column) : get(column), column, where);
    const where = `${this.unit} ${line}`;
    const usageType = get("x_UsageType");
    const fields = [
      String(line),
      required("Provider"),
      required("BillingAccountId"),
      time("BillingPeriodStart"),
      time("BillingPeriodEnd"),
      required("BillingCurrency"),
      get("SubAccountId"),
      get("SubAccountName"),
      time("ChargePeriodStart"),
      time("ChargePeriodEnd"),
      required("ChargeCategory"),
      get("ChargeClass"),
      get("ServiceName"),
      get("ServiceCategory"),
      get("RegionId"),
      get("PricingCategory"),
      get("CommitmentDiscountId"),
      get("CommitmentDiscountType"),
      get("CommitmentDiscountCategory"),
      get("CommitmentDiscountStatus"),
      get("ResourceId"),
      instanceTypeOf(usageType, get("SkuPriceDetails")),
      usageType,
      nodePoolOf(get("Tags")),
      decimal("ConsumedQuantity"),
      get("ConsumedUnit"),
      decimal("BilledCost", true),
      decimal("EffectiveCost", true),
      decimal("ListCost"),
      decimal("ContractedCost"),
    ];
    let text = this.prefix;
    for (let i = 0; i < fields.length; i++) text += (i ? "\t" : "") + copyField(fields[i] ?? null);
    return `${text}\n`;
  }
}
