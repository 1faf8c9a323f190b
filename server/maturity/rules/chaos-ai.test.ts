import { describe, expect, it } from "vitest";
import type { FisExperimentEvidence, FisTemplateEvidence, MaturityEvidence } from "../evidence";
import { daysAgo, evaluateCheck, NOW, nextId, organizationEvidence, PROD_ACCOUNT } from "../test-evidence";
import { previousMonths } from "./chaos";

const seen = { observedAt: daysAgo(1) };
const ALARM = "arn:aws:cloudwatch:us-east-1:111111111111:alarm:payments-api-5xx-rate";
const template = (
  templateId: string,
  stopConditions: FisTemplateEvidence["stopConditions"] = [{ source: "aws:cloudwatch:alarm", value: ALARM }],
): FisTemplateEvidence => ({
  id: nextId("tpl"),
  accountId: PROD_ACCOUNT,
  region: "us-east-1",
  templateId,
  hasStopConditions: stopConditions.some((s) => s.source !== "none"),
  stopConditions,
  ...seen,
});
const experiment = (start: Date, tags: Record<string, string> = {}, status = "completed"): FisExperimentEvidence => ({
  id: nextId("exp"),
  accountId: PROD_ACCOUNT,
  region: "us-east-1",
  experimentId: nextId("EXP"),
  templateId: "EXT1",
  status,
  startTime: start,
  endTime: new Date(start.getTime() + 20 * 60_000),
  tags,
  ...seen,
});
const alarm = (arn = ALARM) => ({
  id: nextId("alarm"),
  accountId: PROD_ACCOUNT,
  region: "us-east-1",
  arn,
  name: "5xx",
  state: "OK",
  ...seen,
});
const midMonth = (month: string) => new Date(`${month}-15T10:00:00Z`);
function withTemplates(evidence: MaturityEvidence, ...templates: FisTemplateEvidence[]) {
  evidence.fisTemplates = templates.length ? templates : [template("EXT1")];
  return evidence;
}

describe("chaos-engineering checks", () => {
  it("fis-templates-exist: none fails, one passes", () => {
    const evidence = organizationEvidence();
    expect(evaluateCheck(evidence, "fis-templates-exist").status).toBe("fail");
    expect(evaluateCheck(withTemplates(evidence), "fis-templates-exist").status).toBe("pass");
  });

  it("fis-stop-conditions: a template whose stop condition is 'none' fails", () => {
    const unguarded = template("EXT2", [{ source: "none" }]);
    const evidence = withTemplates(organizationEvidence(), template("EXT1"), unguarded);
    expect(evaluateCheck(evidence, "fis-stop-conditions")).toMatchObject({ status: "fail", evidenceIds: [unguarded.id] });
    expect(evaluateCheck(withTemplates(evidence), "fis-stop-conditions").status).toBe("pass");
  });

  it("fis-experiment-recent: a completed experiment in 90 days passes; failed ones do not count", () => {
    const evidence = withTemplates(organizationEvidence());
    evidence.fisExperiments = [experiment(daysAgo(10), {}, "failed"), experiment(daysAgo(120))];
    expect(evaluateCheck(evidence, "fis-experiment-recent").status).toBe("fail");
    evidence.fisExperiments.push(experiment(daysAgo(20), {}, "stopped"));
    expect(evaluateCheck(evidence, "fis-experiment-recent").status).toBe("pass");
  });

  it("fis-experiments-monthly: a gap in one of the last three months fails", () => {
    const evidence = withTemplates(organizationEvidence());
    const [m1, m2, m3] = previousMonths(NOW);
    evidence.fisExperiments = [experiment(midMonth(m1 ?? "")), experiment(midMonth(m3 ?? ""))];
    expect(evaluateCheck(evidence, "fis-experiments-monthly").status).toBe("fail");
    evidence.fisExperiments.push(experiment(midMonth(m2 ?? "")));
    expect(evaluateCheck(evidence, "fis-experiments-monthly").status).toBe("pass");
  });

  it("chaos-findings-closed: a finding open for 40 days fails; untracked findings warn", () => {
    const evidence = withTemplates(organizationEvidence());
    evidence.fisExperiments = [experiment(daysAgo(40))];
    expect(evaluateCheck(evidence, "chaos-findings-closed").status).toBe("warning");
    const open = experiment(daysAgo(40), { finding: "CHAOS-101", "finding-status": "open" });
    evidence.fisExperiments = [open, experiment(daysAgo(50), { finding: "CHAOS-102", "finding-status": "closed" })];
    expect(evaluateCheck(evidence, "chaos-findings-closed")).toMatchObject({ status: "fail", evidenceIds: [open.id] });
    evidence.fisExperiments = [experiment(daysAgo(5), { finding: "CHAOS-103", "finding-status": "open" })];
    expect(evaluateCheck(evidence, "chaos-findings-closed").status).toBe("pass");
  });

  it("fis-stop-alarms-exist: a stop condition naming a deleted alarm fails", () => {
    const evidence = withTemplates(organizationEvidence());
    evidence.alarms = [alarm("arn:aws:cloudwatch:us-east-1:111111111111:alarm:renamed")];
    expect(evaluateCheck(evidence, "fis-stop-alarms-exist").status).toBe("fail");
    evidence.alarms = [alarm()];
    expect(evaluateCheck(evidence, "fis-stop-alarms-exist").status).toBe("pass");
  });
});

describe("AI-assisted DevOps checks", () => {
  it("ai-telemetry-grounding: needs both alarms and tracing, and tracing must have synced", () => {
    const evidence = organizationEvidence();
    evidence.alarms = [alarm()];
    expect(evaluateCheck(evidence, "ai-telemetry-grounding").status).toBe("fail");
    evidence.samplingRules = [
      {
        id: nextId("rule"),
        accountId: PROD_ACCOUNT,
        region: "us-east-1",
        ruleName: "api",
        priority: 1,
        fixedRate: 0.1,
        reservoirSize: 1,
        serviceName: "api",
        ...seen,
      },
    ];
    expect(evaluateCheck(evidence, "ai-telemetry-grounding").status).toBe("pass");
    evidence.sourceSyncs = evidence.sourceSyncs.filter((s) => s.source !== "tracing");
    expect(evaluateCheck(evidence, "ai-telemetry-grounding").status).toBe("no_data");
  });
});
