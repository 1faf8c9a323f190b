import { aiAssistedChecks, chaosChecks, platformChecks } from "./checks-advanced";
import { finOpsChecks, supplyChainChecks } from "./checks-cost-compliance";
import { gitOpsChecks } from "./checks-delivery";
import { multiAccountChecks, policyAsCodeChecks } from "./checks-foundation";
import { openTelemetryChecks, progressiveDeliveryChecks } from "./checks-observability";
import type { Check, PracticeId } from "./types";

export * from "./types";
export { practices, getPractice } from "./practices";

export const checks: readonly Check[] = [
  ...multiAccountChecks,
  ...policyAsCodeChecks,
  ...openTelemetryChecks,
  ...progressiveDeliveryChecks,
  ...gitOpsChecks,
  ...finOpsChecks,
  ...supplyChainChecks,
  ...platformChecks,
  ...chaosChecks,
  ...aiAssistedChecks,
];

const checkById = new Map(checks.map((c) => [c.id, c]));

export function findCheck(id: string): Check | undefined {
  return checkById.get(id);
}

export function checksOf(practice: PracticeId): Check[] {
  return checks.filter((c) => c.practice === practice);
}
