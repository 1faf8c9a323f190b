// Plain evidence records for one workspace, mirroring the Prisma rows the checks read. Every
// record has an `id` (the row id, cited by results) and `observedAt` (when a sync or upload
// last confirmed it), so a result can be traced to rows and judged for staleness.

import type {
  Ec2MonthEvidence,
  ComputeSpendEvidence,
  CommitmentEvidence,
  EcrRepositoryEvidence,
  EcrRegistryScanningEvidence,
  EcrImageEvidence,
  EcrFindingEvidence,
  InspectorFindingEvidence,
  FisTemplateEvidence,
  FisExperimentEvidence,
  AlarmEvidence,
  IncidentEvidence,
  DeploymentGroupEvidence,
  DeploymentEvidence,
  SamplingRuleEvidence,
  EksClusterEvidence,
  EksAddonEvidence,
} from "./evidence-resources";

export type {
  Ec2MonthEvidence,
  ComputeSpendEvidence,
  CommitmentEvidence,
  EcrRepositoryEvidence,
  EcrRegistryScanningEvidence,
  EcrImageEvidence,
  EcrFindingEvidence,
  InspectorFindingEvidence,
  FisTemplateEvidence,
  FisExperimentEvidence,
  AlarmEvidence,
  IncidentEvidence,
  DeploymentGroupEvidence,
  DeploymentEvidence,
  SamplingRuleEvidence,
  EksClusterEvidence,
  EksAddonEvidence,
} from "./evidence-resources";
export type Environment = "prod" | "staging" | "dev" | "sandbox";

export interface Observed {
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
  computeSpends: ComputeSpendEvidence[];
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
    computeSpends: [],
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
