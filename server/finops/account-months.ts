import { computeRange } from "./compute";
import type { AccountFigures } from "./figures";
import { addMonths, monthStart } from "./periods";

/**
 * Every account's figures for one calendar month ("YYYY-MM"): what the FinOps practice's maturity
 * checks read (server/maturity/load/cost.ts), from the same computation as the FinOps page.
 */
export async function accountMonthFigures(opts: { workspaceId: string; month: string; now: Date }): Promise<AccountFigures[]> {
  const from = monthStart(opts.month);
  const { figures } = await computeRange({ workspaceId: opts.workspaceId, from, to: addMonths(from, 1), now: opts.now });
  return figures.filter((f) => f.month === opts.month);
}
