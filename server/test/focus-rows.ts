import { Prisma } from "~/generated/prisma/client";
import { db } from "~/server/db";

// FOCUS cost rows of one upload, October 2026, for tests of the views that read them: one row per
// entry, billed to sub-account `account` (named "focus-<account>"; null for a row without one).

export interface FocusRowSpec {
  account: string | null;
  provider?: string;
  effective?: string;
  list?: string;
  pricing?: string;
  type?: string;
}

const day = (d: number) => new Date(Date.UTC(2026, 9, d));
const D = (v: string) => new Prisma.Decimal(v);

export async function focusRows(workspaceId: string, rows: FocusRowSpec[]) {
  const upload = await db.upload.create({
    data: { workspaceId, kind: "focus", format: "csv", tool: "focus", sizeBytes: 1, summary: {} },
  });
  await db.focusCostRow.createMany({
    data: rows.map((r, i) => ({
      workspaceId,
      uploadId: upload.id,
      rowNumber: i + 2,
      provider: r.provider ?? "AWS",
      billingAccountId: "999999999999",
      billingPeriodStart: day(1),
      billingPeriodEnd: new Date(Date.UTC(2026, 10, 1)),
      billingCurrency: "USD",
      subAccountId: r.account,
      subAccountName: r.account === null ? null : `focus-${r.account}`,
      chargePeriodStart: day(3),
      chargePeriodEnd: day(4),
      chargeCategory: "Usage",
      serviceName: r.provider ? "Compute Engine" : "Amazon Elastic Compute Cloud",
      pricingCategory: r.pricing ?? "Standard",
      instanceType: r.provider ? null : (r.type ?? "m5.xlarge"),
      usageType: r.provider ? null : `BoxUsage:${r.type ?? "m5.xlarge"}`,
      consumedQuantity: D("10"),
      billedCost: D(r.effective ?? "1"),
      effectiveCost: D(r.effective ?? "1"),
      listCost: D(r.list ?? r.effective ?? "1"),
    })),
  });
}
