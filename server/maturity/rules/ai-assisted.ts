import { ids } from "../context";
import { outcome } from "../results";
import { customSamplingRules, isAdot } from "./observability";
import type { Rule } from "./rule";

export const aiTelemetryGrounding: Rule = ({ ctx, check, account }) => {
  const tracingGate = ctx.syncGate({ ...check, source: "xray" }, account);
  if (tracingGate) return tracingGate;
  const alarms = ctx.fresh(ctx.rows("alarms", account.accountId), check);
  const tracing = [
    ...customSamplingRules(ctx.fresh(ctx.rows("samplingRules", account.accountId), check)),
    ...ctx.fresh(ctx.rows("eksAddons", account.accountId), check).filter(isAdot),
  ];
  if (alarms.length && tracing.length) {
    return outcome.pass(
      `${alarms.length} alarm(s) and tracing give the assistant something to read.`,
      ids([...alarms, ...tracing]),
    );
  }
  const missing = [alarms.length ? null : "alarms", tracing.length ? null : "tracing"].filter(Boolean).join(" and ");
  return outcome.fail(`No ${missing}: an assistant would be guessing.`, ids([...alarms, ...tracing]));
};
