// What Ladder reads from a customer's AWS account, grouped by what each permission unlocks in
// the product. The onboarding templates grant exactly these actions, and verification probes
// one action per capability.

export const capabilities = [
  "organization",
  "cost",
  "prices",
  "scans",
  "chaos",
  "incidents",
  "deployments",
  "tracing",
  "clusters",
] as const;

export type Capability = (typeof capabilities)[number];

export interface CapabilitySpec {
  title: string;
  unlocks: string;
  // Only the organisation's management (payer) account can answer these.
  managementOnly: boolean;
  actions: string[];
}

export const capabilitySpecs: Record<Capability, CapabilitySpec> = {
  organization: {
    title: "Organization structure",
    unlocks:
      "Accounts, OUs, SCPs and delegated administrators (Multi-account Organizations, Policy-as-code); the organisation trail",
    managementOnly: true,
    actions: [
      "organizations:DescribeOrganization",
      "organizations:ListRoots",
      "organizations:ListAccounts",
      "organizations:ListAccountsForParent",
      "organizations:ListOrganizationalUnitsForParent",
      "organizations:ListParents",
      "organizations:ListPolicies",
      "organizations:DescribePolicy",
      "organizations:ListTargetsForPolicy",
      "organizations:ListDelegatedAdministrators",
      "organizations:ListDelegatedServicesForAccount",
      "cloudtrail:DescribeTrails",
      "cloudtrail:GetTrailStatus",
    ],
  },
  cost: {
    title: "Cost and commitments",
    unlocks:
      "Daily cost by account, service, instance and purchase type; Karpenter node pools; RI and Savings Plans utilisation; commitments expiring (their terms); Savings Plans purchase recommendations (FinOps)",
    managementOnly: true,
    actions: [
      "ce:GetCostAndUsage",
      "ce:GetDimensionValues",
      "ce:GetReservationUtilization",
      "ce:GetReservationCoverage",
      "ce:GetSavingsPlansUtilization",
      "ce:GetSavingsPlansCoverage",
      "ce:GetSavingsPlansUtilizationDetails",
      "ce:GetSavingsPlansPurchaseRecommendation",
    ],
  },
  prices: {
    title: "List prices",
    unlocks:
      "On-demand list prices of the instance types you run and their Graviton equivalents, for FinOps potential savings (public prices; without them a dated fallback table serves)",
    // Asked once per organisation with the payer's role, like Cost Explorer.
    managementOnly: true,
    actions: ["pricing:GetProducts"],
  },
  scans: {
    title: "Image scans",
    unlocks: "ECR scan-on-push and registry scanning, image findings and Inspector findings (Supply-chain security)",
    managementOnly: false,
    actions: [
      "ecr:DescribeRepositories",
      "ecr:GetRegistryScanningConfiguration",
      "ecr:DescribeImages",
      "ecr:DescribeImageScanFindings",
      "inspector2:ListFindings",
    ],
  },
  chaos: {
    title: "Chaos experiments",
    unlocks: "FIS experiment templates, stop conditions and experiment runs (Chaos engineering)",
    managementOnly: false,
    actions: ["fis:ListExperimentTemplates", "fis:GetExperimentTemplate", "fis:ListExperiments", "fis:GetExperiment"],
  },
  incidents: {
    title: "Alarms and incidents",
    unlocks:
      "CloudWatch alarms and their history, turned into incidents with time to restore; Incident Manager incident records with their impact, timeline and involved service (Incidents, DORA keys)",
    managementOnly: false,
    actions: [
      "cloudwatch:DescribeAlarms",
      "cloudwatch:DescribeAlarmHistory",
      "cloudwatch:ListTagsForResource",
      "ssm-incidents:ListIncidentRecords",
      "ssm-incidents:GetIncidentRecord",
      "ssm-incidents:ListTimelineEvents",
      "ssm-incidents:ListRelatedItems",
    ],
  },
  deployments: {
    title: "Deployments",
    unlocks:
      "CodeDeploy deployment groups, canary configs, automatic rollback and deployments with their commit and creator (Progressive delivery, DORA keys)",
    managementOnly: false,
    actions: [
      "codedeploy:ListApplications",
      "codedeploy:ListDeploymentGroups",
      "codedeploy:BatchGetDeploymentGroups",
      "codedeploy:ListDeployments",
      "codedeploy:BatchGetDeployments",
      "codedeploy:GetDeploymentConfig",
    ],
  },
  tracing: {
    title: "Tracing",
    unlocks: "X-Ray sampling rules (OpenTelemetry: sampling at 100% in production is a cost trap)",
    managementOnly: false,
    actions: ["xray:GetSamplingRules"],
  },
  clusters: {
    title: "Kubernetes clusters",
    unlocks: "EKS clusters and add-ons (GitOps on EKS, Karpenter)",
    managementOnly: false,
    actions: ["eks:ListClusters", "eks:DescribeCluster", "eks:ListAddons", "eks:DescribeAddon"],
  },
};

export const readOnlyActions: string[] = ["sts:GetCallerIdentity", ...capabilities.flatMap((c) => capabilitySpecs[c].actions)];
