import { DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { ListApplicationsCommand } from "@aws-sdk/client-codedeploy";
import { GetCostAndUsageCommand } from "@aws-sdk/client-cost-explorer";
import { DescribeRepositoriesCommand } from "@aws-sdk/client-ecr";
import { ListClustersCommand } from "@aws-sdk/client-eks";
import { ListExperimentTemplatesCommand } from "@aws-sdk/client-fis";
import { DescribeOrganizationCommand } from "@aws-sdk/client-organizations";
import { GetProductsCommand } from "@aws-sdk/client-pricing";
import { GetSamplingRulesCommand } from "@aws-sdk/client-xray";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { createAwsClient } from "./clients";
import { classifyAwsError } from "./errors";
import { capabilities, capabilitySpecs, type Capability } from "./permissions";

export type ProbeStatus = "ok" | "denied" | "error" | "skipped";

export interface ProbeResult {
  capability: Capability;
  status: ProbeStatus;
  // The IAM action that was tried (and, when denied, the one AWS refused).
  action: string;
  message?: string;
}

type Credentials = AwsCredentialIdentityProvider | { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

// One cheap read per capability. The Cost Explorer probe is one billed request ($0.01).
const probes: Record<Capability, { action: string; run(credentials: Credentials): Promise<unknown> }> = {
  organization: {
    action: "organizations:DescribeOrganization",
    run: (credentials) => send("organizations", credentials, new DescribeOrganizationCommand({})),
  },
  cost: {
    action: "ce:GetCostAndUsage",
    run: (credentials) => {
      const end = new Date();
      const start = new Date(end.getTime() - 86_400_000);
      return send(
        "costExplorer",
        credentials,
        new GetCostAndUsageCommand({
          TimePeriod: { Start: isoDay(start), End: isoDay(end) },
          Granularity: "DAILY",
          Metrics: ["UnblendedCost"],
        }),
      );
    },
  },
  prices: {
    action: "pricing:GetProducts",
    run: (c) =>
      send(
        "pricing",
        c,
        new GetProductsCommand({
          ServiceCode: "AmazonEC2",
          Filters: [{ Type: "TERM_MATCH", Field: "instanceType", Value: "m7g.large" }],
          MaxResults: 1,
        }),
        "us-east-1",
      ),
  },
  scans: { action: "ecr:DescribeRepositories", run: (c) => send("ecr", c, new DescribeRepositoriesCommand({ maxResults: 1 })) },
  chaos: {
    action: "fis:ListExperimentTemplates",
    run: (c) => send("fis", c, new ListExperimentTemplatesCommand({ maxResults: 1 })),
  },
  incidents: {
    action: "cloudwatch:DescribeAlarms",
    run: (c) => send("cloudWatch", c, new DescribeAlarmsCommand({ MaxRecords: 1 })),
  },
  deployments: { action: "codedeploy:ListApplications", run: (c) => send("codeDeploy", c, new ListApplicationsCommand({})) },
  tracing: { action: "xray:GetSamplingRules", run: (c) => send("xray", c, new GetSamplingRulesCommand({})) },
  clusters: { action: "eks:ListClusters", run: (c) => send("eks", c, new ListClustersCommand({ maxResults: 1 })) },
};

async function send(
  service: Parameters<typeof createAwsClient>[0],
  credentials: Credentials,
  command: unknown,
  region?: string,
): Promise<unknown> {
  const client = createAwsClient(service, { credentials, region });
  try {
    return await (client as unknown as { send(c: unknown): Promise<unknown> }).send(command);
  } finally {
    client.destroy();
  }
}

export async function probeCapabilities(opts: {
  credentials: Credentials;
  isManagementAccount: boolean;
}): Promise<ProbeResult[]> {
  return Promise.all(
    capabilities.map(async (capability): Promise<ProbeResult> => {
      const probe = probes[capability];
      if (capabilitySpecs[capability].managementOnly && !opts.isManagementAccount) {
        return {
          capability,
          status: "skipped",
          action: probe.action,
          message: "Read once for the whole organisation, from its management account.",
        };
      }
      try {
        await probe.run(opts.credentials);
        return { capability, status: "ok", action: probe.action };
      } catch (error) {
        const failure = classifyAwsError(error);
        if (failure.kind === "access-denied") {
          return {
            capability,
            status: "denied",
            action: failure.action ?? probe.action,
            message:
              failure.code === "AWSOrganizationsNotInUseException"
                ? "This account is not part of an AWS Organization."
                : `Denied: the role lacks ${failure.action ?? probe.action}.`,
          };
        }
        return { capability, status: "error", action: probe.action, message: `${failure.code}: ${failure.message}` };
      }
    }),
  );
}
