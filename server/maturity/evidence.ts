// Plain evidence records for one workspace, mirroring the Prisma rows the checks read. Every
// record has an `id` (the row id, cited by results) and `observedAt` (when a sync or upload
// last confirmed it), so a result can be traced to rows and judged for staleness.

export type Environment = "prod" | "staging" | "dev" | "sandbox";

interface Observed {
  id: string;
  observedAt: Date;
}

/** AwsAccount joined with OrgMember: where the account sits and what it is for. */
export interface AccountEvidence extends Observed {
  accountId: string;
  name: string | null;
  environment: Environment | null;
  /** Name path from Organizations: "/Workloads/Prod", "/" under the root, null if not in one. */
  ouPath: string | null;
  /** OrgMember.parentId: the OU id (or root id) the account sits in. */
  parentId: string | null;
  isManagement: boolean;
}

export interface OrgUnitEvidence extends Observed {
  ouId: string;
  name: string;
  parentId: string;
  path: string;
}

export interface ScpTarget {
  targetId: string;
  type: "ROOT" | "ORGANIZATIONAL_UNIT" | "ACCOUNT";
}

export interface ScpEvidence extends Observed {
  policyId: string;
  name: string;
  awsManaged: boolean;
  /** The policy document, parsed (Scp.content). */
  document: unknown;
  targets: ScpTarget[];
}

export interface DelegatedAdminEvidence extends Observed {
  accountId: string;
  servicePrincipal: string;
}

/** AwsTrail: seen from `seenFromAccountId`; an organisation trail is seen by every member. */
export interface TrailEvidence extends Observed {
  seenFromAccountId: string;
  arn: string;
  name: string;
  isOrganizationTrail: boolean;
  isMultiRegion: boolean;
  logFileValidation: boolean;
  isLogging: boolean;
}

/**
 * The last finished SyncTask per account and source. It tells "fetched and found nothing" from
 * "never fetched", which is the difference between fail and no data.
 */
export interface SourceSyncEvidence extends Observed {
  accountId: string;
  source: string;
  status: "succeeded" | "failed" | "denied" | "skipped";
}

/**
 * One account's EC2 compute spend over a calendar month (amortized, summed from Ec2CostDaily and
 * NodePoolCostDaily). Only the shares matter to the checks, so plain numbers are enough here.
 */
export interface Ec2MonthEvidence extends Observed {
  accountId: string;
  /** "2026-03" */
  month: string;
  ec2Cost: number;
  /** Instance families with a "g" after the generation digit: t4g, m7g, c8gd… */
  gravitonCost: number;
  /** purchaseType "Spot Instances". */
  spotCost: number;
  /** Spend carrying a karpenter.sh/nodepool tag (NodePoolCostDaily.nodePool <> ""). */
  nodePoolCost: number;
}

/** CommitmentDaily averaged over the last 30 days per account and kind. */
export interface CommitmentEvidence extends Observed {
  accountId: string;
  kind: "ri" | "sp";
  utilisationPct: number;
  unusedCost: number;
}

export interface EcrRepositoryEvidence extends Observed {
  accountId: string;
  region: string;
  name: string;
  scanOnPush: boolean;
}

export interface EcrRegistryScanningEvidence extends Observed {
  accountId: string;
  region: string;
  scanType: string;
  rules: Array<{ scanFrequency: string; repositoryFilters: Array<{ filter: string; filterType: string }> }>;
}

export interface EcrImageEvidence extends Observed {
  accountId: string;
  region: string;
  repositoryName: string;
  digest: string;
  tags: string[];
  pushedAt: Date | null;
  lastPulledAt: Date | null;
  /** ECR's imageScanStatus: "COMPLETE", "ACTIVE" (enhanced), "FAILED", null when never scanned. */
  scanStatus: string | null;
}

export interface EcrFindingEvidence extends Observed {
  accountId: string;
  region: string;
  repositoryName: string;
  imageDigest: string;
  name: string;
  severity: string;
  firstObservedAt: Date | null;
}

export interface InspectorFindingEvidence extends Observed {
  /** The account the finding is about (InspectorFinding.accountId), not the one that listed it. */
  accountId: string;
  severity: string;
  status: string;
  resourceType: string | null;
  /** For ECR images: the image ARN ending in the digest. */
  resourceId: string | null;
  vulnerabilityId: string | null;
  firstObservedAt: Date | null;
}

export interface FisTemplateEvidence extends Observed {
  accountId: string;
  region: string;
  templateId: string;
  hasStopConditions: boolean;
  stopConditions: Array<{ source: string; value?: string }>;
}

export interface FisExperimentEvidence extends Observed {
  accountId: string;
  region: string;
  experimentId: string;
  templateId: string;
  status: string;
  startTime: Date | null;
  endTime: Date | null;
  tags: Record<string, string>;
}

export interface AlarmEvidence extends Observed {
  accountId: string;
  region: string;
  arn: string;
  name: string;
  state: string;
}

export interface IncidentEvidence extends Observed {
  accountId: string | null;
  source: string;
  startedAt: Date;
  resolvedAt: Date | null;
  durationSeconds: number | null;
}

export interface DeploymentGroupEvidence extends Observed {
  accountId: string;
  region: string;
  applicationName: string;
  groupName: string;
  deploymentStyle: "canary" | "linear" | "all-at-once" | "other";
  autoRollbackEnabled: boolean;
  autoRollbackEvents: string[];
  alarmsEnabled: boolean;
  alarms: string[];
}

export interface DeploymentEvidence extends Observed {
  accountId: string;
  applicationName: string;
  groupName: string;
  status: string;
  createdAt: Date | null;
  rolledBack: boolean;
}

export interface SamplingRuleEvidence extends Observed {
  accountId: string;
  region: string;
  ruleName: string;
  priority: number;
  fixedRate: number;
  reservoirSize: number;
  serviceName: string;
}

export interface EksClusterEvidence extends Observed {
  accountId: string;
  region: string;
  name: string;
  tags: Record<string, string>;
}

export interface EksAddonEvidence extends Observed {
  accountId: string;
  region: string;
  clusterName: string;
  addonName: string;
  status: string | null;
}

export type UploadKind = "checkov" | "trivy" | "grype" | "sbom" | "incidents";

/**
 * An Upload row with its summary. Checkov's own output does not say whether the job blocked
 * or soft-failed, nor how long it ran: `softFail` and `durationSeconds` are what the pipeline
 * reports alongside the file (optional upload fields), undefined when it did not.
 */
export interface UploadEvidence extends Observed {
  kind: UploadKind;
  tool: string;
  repository: string | null;
  branch: string | null;
  commit: string | null;
  pipeline: string | null;
  failed: number;
  passed: number;
  bySeverity: Partial<Record<"critical" | "high" | "medium" | "low" | "info" | "unknown", number>>;
  /** The repository's default branch, when the pipeline said so; "main"/"master" otherwise. */
  defaultBranch?: string;
  softFail?: boolean;
  durationSeconds?: number;
}

/** Where a person's statement applies: the whole organisation, an OU subtree or one account. */
export type EvidenceScope = { kind: "organization" } | { kind: "ou"; ouPath: string } | { kind: "account"; accountId: string };

export interface AttestationEvidence {
  id: string;
  checkId: string;
  scope: EvidenceScope;
  author: string;
  evidenceUrl: string;
  note: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface WaiverEvidence {
  id: string;
  checkId: string;
  scope: EvidenceScope;
  reason: string;
  requestedBy: string;
  /** Null while pending: an unapproved waiver waives nothing. */
  approvedBy: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface MaturityEvidence {
  accounts: AccountEvidence[];
  orgUnits: OrgUnitEvidence[];
  scps: ScpEvidence[];
  delegatedAdmins: DelegatedAdminEvidence[];
  /** The organisation's management account, when an organisation is connected. */
  managementAccountId: string | null;
  trails: TrailEvidence[];
  sourceSyncs: SourceSyncEvidence[];
  ec2Months: Ec2MonthEvidence[];
  commitments: CommitmentEvidence[];
  ecrRepositories: EcrRepositoryEvidence[];
  ecrRegistryScanning: EcrRegistryScanningEvidence[];
  ecrImages: EcrImageEvidence[];
  ecrFindings: EcrFindingEvidence[];
  inspectorFindings: InspectorFindingEvidence[];
  fisTemplates: FisTemplateEvidence[];
  fisExperiments: FisExperimentEvidence[];
  alarms: AlarmEvidence[];
  incidents: IncidentEvidence[];
  deploymentGroups: DeploymentGroupEvidence[];
  deployments: DeploymentEvidence[];
  samplingRules: SamplingRuleEvidence[];
  eksClusters: EksClusterEvidence[];
  eksAddons: EksAddonEvidence[];
  uploads: UploadEvidence[];
  attestations: AttestationEvidence[];
  waivers: WaiverEvidence[];
}

export function emptyEvidence(): MaturityEvidence {
  return {
    accounts: [],
    orgUnits: [],
    scps: [],
    delegatedAdmins: [],
    managementAccountId: null,
    trails: [],
    sourceSyncs: [],
    ec2Months: [],
    commitments: [],
    ecrRepositories: [],
    ecrRegistryScanning: [],
    ecrImages: [],
    ecrFindings: [],
    inspectorFindings: [],
    fisTemplates: [],
    fisExperiments: [],
    alarms: [],
    incidents: [],
    deploymentGroups: [],
    deployments: [],
    samplingRules: [],
    eksClusters: [],
    eksAddons: [],
    uploads: [],
    attestations: [],
    waivers: [],
  };
}
