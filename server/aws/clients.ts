import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { CodeDeployClient } from "@aws-sdk/client-codedeploy";
import { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import { ECRClient } from "@aws-sdk/client-ecr";
import { EKSClient } from "@aws-sdk/client-eks";
import { FisClient } from "@aws-sdk/client-fis";
import { Inspector2Client } from "@aws-sdk/client-inspector2";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { PricingClient } from "@aws-sdk/client-pricing";
import { SSMIncidentsClient } from "@aws-sdk/client-ssm-incidents";
import { STSClient } from "@aws-sdk/client-sts";
import { XRayClient } from "@aws-sdk/client-xray";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, MiddlewareStack } from "@smithy/types";
import { addClientTelemetry } from "./client-telemetry";

// The one place AWS SDK clients are made. Endpoints come from the SDK's own resolution
// (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>, shared config), which is how the simulator
// is reached in tests and the demo: there is no other code path.
const constructors = {
  sts: STSClient,
  organizations: OrganizationsClient,
  costExplorer: CostExplorerClient,
  pricing: PricingClient,
  cloudTrail: CloudTrailClient,
  ecr: ECRClient,
  inspector2: Inspector2Client,
  fis: FisClient,
  cloudWatch: CloudWatchClient,
  codeDeploy: CodeDeployClient,
  xray: XRayClient,
  eks: EKSClient,
  ssmIncidents: SSMIncidentsClient,
} as const;

export type AwsService = keyof typeof constructors;
export type AwsClient<S extends AwsService> = InstanceType<(typeof constructors)[S]>;

export interface AwsClientOptions {
  // Omitted: the standard credential chain (the app's own identity).
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  region?: string;
  // Throttling is normal at organisation scale; the standard mode backs off between attempts.
  maxAttempts?: number;
  // Called for every HTTP attempt (retries included), so runs can report API calls per service.
  onRequest?: (service: AwsService, operation: string) => void;
}

export const DEFAULT_AWS_REGION = "us-east-1";
export const DEFAULT_MAX_ATTEMPTS = 8;

// One pool of keep-alive connections per process, shared by every client: a client lives for one
// fetch, and with an agent of its own each would open (and close) its own connections. The SDK
// destroys a client's agents with the client, so these ignore destroy(): their sockets outlive it.
class SharedHttpAgent extends HttpAgent {
  override destroy() {}
}
class SharedHttpsAgent extends HttpsAgent {
  override destroy() {}
}
const MAX_SOCKETS_PER_HOST = 64;
export const sharedAgents = {
  httpAgent: new SharedHttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST }),
  httpsAgent: new SharedHttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST }),
};

export function createAwsClient<S extends AwsService>(service: S, opts: AwsClientOptions = {}): AwsClient<S> {
  const Client = constructors[service] as unknown as new (config: object) => AwsClient<S>;
  const client = new Client({
    region: opts.region ?? process.env.AWS_REGION ?? DEFAULT_AWS_REGION,
    credentials: opts.credentials,
    retryMode: "standard",
    requestHandler: sharedAgents,
    // Resolve each command's middleware stack once per client rather than on every call: a page
    // of a paginated listing is one call, and a sync makes tens of thousands. Middleware is only
    // added here, before the first call, which is what the cache requires.
    cacheMiddleware: true,
    maxAttempts: opts.maxAttempts ?? Number(process.env.LADDER_AWS_MAX_ATTEMPTS ?? DEFAULT_MAX_ATTEMPTS),
  });
  const stack = client.middlewareStack as unknown as MiddlewareStack<object, object>;
  addClientTelemetry(stack, service);
  const onRequest = opts.onRequest;
  if (onRequest) {
    // The "deserialize" step sits inside the retry loop, so it sees every attempt.
    stack.add(
      (next, context) => (args) => {
        onRequest(service, String(context.commandName ?? "unknown").replace(/Command$/, ""));
        return next(args);
      },
      { step: "deserialize", name: "ladderCountRequests" },
    );
  }
  return client;
}

export const awsServices = Object.keys(constructors) as AwsService[];
