import { createHash } from "node:crypto";
import { RI_INSTANCE_TYPE } from "../data/cost-catalog";
import { DAY_MS } from "../data/cost-timeline";
import type { DemoData } from "../data/demo-data";

// The demo payer's commitments: one Standard Reserved Instance subscription bought on the
// model's riPurchaseDay and one Compute Savings Plan bought on its savingsPlanDay, both 1-year
// No Upfront terms (RI_RATE and SAVINGS_PLAN_RATE are 1-year rates). The timeline starts twelve
// months before today's month, so the RI ends in about two months (inside "expiring in 90
// days") and the Savings Plan in about four.

const TERM_DAYS = 365;

const timestamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, ".000Z");

function termOf(data: DemoData, day: number) {
  const start = data.costs.timeline.dateOf(day);
  return { start, end: new Date(start.getTime() + TERM_DAYS * DAY_MS) };
}

export function reservationHeld(data: DemoData) {
  const payer = data.organization.managementAccount;
  const { start, end } = termOf(data, data.costs.timeline.riPurchaseDay);
  const subscriptionId = `ri-${payer.id}-${RI_INSTANCE_TYPE}`;
  return {
    subscriptionId,
    attributes: {
      accountId: payer.id,
      accountName: payer.name,
      subscriptionId,
      leaseId: createHash("sha256").update(subscriptionId).digest("hex").slice(0, 36),
      instanceType: RI_INSTANCE_TYPE,
      numberOfInstances: String(data.costs.reservedInstanceCount),
      region: "us-east-1",
      availabilityZone: "",
      platform: "Linux/UNIX",
      tenancy: "Shared",
      scope: "Region",
      sizeFlexibility: "FlexRI",
      subscriptionType: "No Upfront",
      subscriptionStatus: end.getTime() > data.today.getTime() ? "Active" : "Retired",
      startDateTime: timestamp(start),
      endDateTime: timestamp(end),
    },
  };
}

export function savingsPlanHeld(data: DemoData) {
  const payer = data.organization.managementAccount;
  const { start, end } = termOf(data, data.costs.timeline.savingsPlanDay);
  const id = createHash("sha256").update(`sp-${payer.id}`).digest("hex");
  const uuid = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`;
  return {
    arn: `arn:aws:savingsplans::${payer.id}:savingsplan/${uuid}`,
    attributes: {
      AccountId: payer.id,
      AccountName: payer.name,
      SavingsPlansType: "ComputeSavingsPlans",
      PaymentOption: "No Upfront",
      PurchaseTerm: "1yr",
      Region: "Any",
      InstanceFamily: "",
      RecurringHourlyFee: data.costs.savingsPlanHourlyCommitment.toFixed(2),
      UpfrontFee: "0",
      StartDateTime: timestamp(start),
      EndDateTime: timestamp(end),
    },
  };
}
