import type { AwsService } from "./clients";

// AWS's own names for the services Ladder calls, for people reading a run (Sync page, CLI).
// Typed over every client key, so adding a client without a name here fails type-checking.
export const AWS_SERVICE_NAMES: Record<AwsService, string> = {
  sts: "AWS STS",
  organizations: "AWS Organizations",
  costExplorer: "AWS Cost Explorer",
  pricing: "AWS Price List",
  cloudTrail: "AWS CloudTrail",
  ecr: "Amazon ECR",
  inspector2: "Amazon Inspector",
  fis: "AWS FIS",
  cloudWatch: "Amazon CloudWatch",
  codeDeploy: "AWS CodeDeploy",
  xray: "AWS X-Ray",
  eks: "Amazon EKS",
  ssmIncidents: "AWS Systems Manager Incident Manager",
};

function isAwsService(key: string): key is AwsService {
  return Object.hasOwn(AWS_SERVICE_NAMES, key);
}

// Runs store the key they counted under; a key no longer known (an older run) is shown as stored.
export function awsServiceName(key: string): string {
  return isAwsService(key) ? AWS_SERVICE_NAMES[key] : key;
}

// API calls per service, most first, named for people.
export function namedApiCalls(calls: Record<string, number>): { service: string; name: string; calls: number }[] {
  return Object.entries(calls)
    .map(([service, count]) => ({ service, name: awsServiceName(service), calls: count }))
    .sort((a, b) => b.calls - a.calls || a.name.localeCompare(b.name));
}
