import type { DrillRef } from "~/server/finops/types";
import { monthLabel } from "./format";
import { architectureLabels, purchaseOptionLabels } from "./labels";

const tableNames: Record<DrillRef["table"], string> = {
  ec2: "EC2 cost rows",
  nodepool: "Node-pool cost rows",
  commitment: "Commitment rows",
  focus: "FOCUS rows",
};

const lastDay = (to: string) => new Date(new Date(`${to}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);

/** "EC2 cost rows, 1 Nov 2026 to 30 Nov 2026: account 123…, Spot" — what the drill-down lists. */
export function describeDrill(drill: DrillRef): string {
  const parts = [
    drill.accountId && `account ${drill.accountId}`,
    drill.instanceType,
    drill.purchaseOption && purchaseOptionLabels[drill.purchaseOption],
    drill.architecture && architectureLabels[drill.architecture],
    drill.nodePool !== undefined && (drill.nodePool === "" ? "not managed by Karpenter" : `node pool ${drill.nodePool}`),
  ].filter(Boolean);
  const range = `${monthLabel(drill.from)} to ${monthLabel(lastDay(drill.to))}`;
  return `${tableNames[drill.table]}, ${range}${parts.length ? `: ${parts.join(", ")}` : ""}`;
}
