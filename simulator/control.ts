import type { IncomingMessage, ServerResponse } from "node:http";
import { ciReports } from "./data/ci-reports";
import type { FaultRule } from "./faults";
import type { SimulatorState } from "./state";

// Not an AWS API: the demo's stand-in for "the customer deploys Ladder's CloudFormation stack
// (and StackSet)", so the demo organisation is connected through the real onboarding path
// with the External ID the app generated.
export const CONTROL_PREFIX = "/_simulator/";

interface DeployStackInput {
  externalId?: unknown;
  roleName?: unknown;
  trustedPrincipalArn?: unknown;
  // Default: every account of the organisation (management stack plus StackSet).
  accountIds?: unknown;
  // Actions the role's policy leaves out, to show a role missing permissions.
  deniedActions?: unknown;
}

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as string[]) : undefined;

export async function handleControl(state: SimulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const reply = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const path = (req.url ?? "").split("?")[0];
  if (req.method === "GET" && path === `${CONTROL_PREFIX}organization`) {
    const org = state.organization;
    reply(200, {
      organizationId: org.id,
      managementAccountId: org.managementAccount.id,
      accounts: org.accounts.map((a) => ({ id: a.id, name: a.name, ouPath: a.path })),
    });
    return;
  }
  // The demo's stand-in for the organisation's CI: the reports its pipelines would upload.
  if (req.method === "GET" && path === `${CONTROL_PREFIX}ci-reports`) {
    reply(200, { reports: state.data.memo("ci-reports", () => ciReports(state.data)) });
    return;
  }
  if (req.method === "POST" && path === `${CONTROL_PREFIX}stacks`) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let input: DeployStackInput;
    try {
      input = JSON.parse(Buffer.concat(chunks).toString("utf8")) as DeployStackInput;
    } catch {
      reply(400, { error: "body must be JSON" });
      return;
    }
    if (typeof input.externalId !== "string" || input.externalId.length < 32 || typeof input.roleName !== "string") {
      reply(400, { error: "externalId (32+ characters) and roleName are required" });
      return;
    }
    const trusted = typeof input.trustedPrincipalArn === "string" ? input.trustedPrincipalArn : undefined;
    const only = strings(input.accountIds);
    const accounts = state.organization.accounts.filter((account) => !only || only.includes(account.id));
    // Several workspaces may connect the one simulated organisation: a role that exists keeps
    // trusting the External IDs it had, as a trust policy with a list of them would.
    const roles = accounts.map((account) => {
      const existing = state.findRole(`arn:aws:iam::${account.id}:role/${input.roleName as string}`);
      if (existing && existing.externalId !== input.externalId && !input.deniedActions) {
        existing.extraExternalIds.add(input.externalId as string);
        return existing;
      }
      return state.registerRole({
        accountId: account.id,
        roleName: input.roleName as string,
        externalId: input.externalId as string,
        trustedPrincipalArn: trusted,
        permissions: strings(input.deniedActions),
      });
    });
    reply(200, { managementAccountId: state.managementAccountId, roleArns: roles.map((r) => r.arn) });
    return;
  }
  if (req.method === "PUT" && path === `${CONTROL_PREFIX}faults`) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      const rules = JSON.parse(Buffer.concat(chunks).toString("utf8")) as FaultRule[];
      reply(200, { ids: state.setFaults(rules) });
    } catch (error) {
      reply(400, { error: (error as Error).message });
    }
    return;
  }
  // Which side of the day AWS finalises last month's bill Cost Explorer is on: {"lastMonthFinal": true|false|null}.
  if (req.method === "PUT" && path === `${CONTROL_PREFIX}cost-finalised`) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: { lastMonthFinal?: unknown };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { lastMonthFinal?: unknown };
    } catch {
      reply(400, { error: "body must be JSON" });
      return;
    }
    const final = typeof body.lastMonthFinal === "boolean" ? body.lastMonthFinal : undefined;
    state.data.costs.timeline.lastMonthFinal = final;
    reply(200, { lastMonthFinal: final ?? null });
    return;
  }
  if (req.method === "GET" && path === `${CONTROL_PREFIX}calls`) {
    reply(200, { calls: state.callCounts(), served: state.servedCounts() });
    return;
  }
  reply(404, { error: `no simulator control route ${req.method} ${path}` });
}
