import { costLines, type CostLine } from "~/simulator/data/cost-lines";
import { PURCHASE, SERVICE } from "~/simulator/data/cost-catalog";
import type { DemoData } from "~/simulator/data/demo-data";
import { EC2_LINUX_PRICE } from "~/simulator/data/price-list";
import { architectureOf, x86Equivalent } from "../instance-types";

// The FinOps formulas of research/finops.md §5 applied to the simulator's bill lines of one month,
// line by line, in plain arithmetic: the independent side of the demo test.

export interface MonthBill {
  ec2Usage: number;
  graviton: number;
  spot: number;
  realizedSpot: number;
  riWaste: number;
  spWaste: number;
  realizedCommitments: number;
  realizedGraviton: number;
  onDemandEquivalent: number;
}

const price = (type: string) => {
  const p = EC2_LINUX_PRICE[type];
  if (p === undefined) throw new Error(`no list price for ${type}`);
  return p;
};

function linesOfMonth(data: DemoData, month: string): CostLine[] {
  const model = data.costs;
  const timeline = model.timeline;
  const start = new Date(`${month}-01T00:00:00Z`);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const lines: CostLine[] = [];
  for (let day = timeline.dayOf(start); day < timeline.dayOf(end); day++)
    for (const account of data.organization.accounts) lines.push(...costLines(model, account.index, day, data.seed));
  return lines;
}

export function billOfMonth(data: DemoData, month: string): MonthBill {
  const bill: MonthBill = {
    ec2Usage: 0,
    graviton: 0,
    spot: 0,
    realizedSpot: 0,
    riWaste: 0,
    spWaste: 0,
    realizedCommitments: 0,
    realizedGraviton: 0,
    onDemandEquivalent: 0,
  };
  let grossCommitments = 0;
  for (const line of linesOfMonth(data, month)) {
    if (line.service === SERVICE.savingsPlans) {
      bill.spWaste += line.amortized; // the Savings Plan's unused commitment
      continue;
    }
    if (line.service !== SERVICE.ec2) continue;
    if (line.usageType.startsWith("HeavyUsage")) {
      bill.riWaste += line.amortized; // the RI fee for hours nobody used
      continue;
    }
    const onDemand = line.usage * price(line.instanceType);
    bill.ec2Usage += line.amortized;
    bill.onDemandEquivalent += onDemand;
    if (line.purchaseType === PURCHASE.spot) {
      bill.spot += line.amortized;
      bill.realizedSpot += onDemand - line.amortized;
    }
    if (line.purchaseType === PURCHASE.reserved || line.purchaseType === PURCHASE.savingsPlans)
      grossCommitments += onDemand - line.amortized;
    if (architectureOf(line.instanceType) === "graviton") {
      bill.graviton += line.amortized;
      const x86 = x86Equivalent(line.instanceType)!;
      bill.realizedGraviton += line.amortized * (price(x86) / price(line.instanceType) - 1);
    }
  }
  bill.realizedCommitments = grossCommitments - bill.riWaste - bill.spWaste;
  return bill;
}
