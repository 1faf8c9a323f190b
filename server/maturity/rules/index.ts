import { aiTelemetryGrounding } from "./ai-assisted";
import {
  chaosFindingsClosed,
  fisExperimentRecent,
  fisExperimentsMonthly,
  fisStopAlarmsExist,
  fisStopConditions,
  fisTemplatesExist,
} from "./chaos";
import {
  canaryAutoRollback,
  codedeployInUse,
  deploymentAlarmsAttached,
  deploymentFailureRate,
  gradualTrafficShift,
  incidentRecoveryTime,
  serviceAlarmsExist,
} from "./delivery";
import {
  commitmentsUtilised,
  gravitonAdoption,
  gravitonMajority,
  karpenterAdopted,
  karpenterWithIdleRi,
  spotAdoption,
} from "./finops";
import { gitopsControllerPresent, gitopsEveryCluster } from "./gitops";
import {
  accountInOrganization,
  accountInOu,
  orgTrailEnabled,
  orgTrailLogValidation,
  prodRegionRestrictionScp,
  scpBreakGlassExempt,
  securityServicesDelegated,
  trailTamperScp,
} from "./multi-account";
import { adotOnEks, prodSamplingBounded, prodSamplingNot100, tracingEnabled } from "./observability";
import {
  checkovMainClean,
  checkovOnDefaultBranch,
  checkovOnPullRequests,
  checkovResultsUploaded,
  checkovScanTime,
  checkovSoftFailMain,
  scpGuardrailsAttached,
} from "./policy-as-code";
import type { Rule } from "./rule";
import {
  ciVulnerabilityScans,
  criticalCvesInUse,
  ecrEnhancedScanning,
  ecrScanOnPush,
  inspectorDelegatedAdmin,
  sbomPublished,
} from "./supply-chain";

export type { Rule, RuleInput } from "./rule";

/** The computation behind every automated check, by check id; manual checks have none. */
export const rules: Readonly<Record<string, Rule>> = {
  "account-in-organization": accountInOrganization,
  "org-trail-enabled": orgTrailEnabled,
  "account-in-ou": accountInOu,
  "org-trail-log-validation": orgTrailLogValidation,
  "trail-tamper-scp": trailTamperScp,
  "prod-region-restriction-scp": prodRegionRestrictionScp,
  "security-services-delegated": securityServicesDelegated,
  "scp-break-glass-exempt": scpBreakGlassExempt,
  "scp-guardrails-attached": scpGuardrailsAttached,
  "checkov-results-uploaded": checkovResultsUploaded,
  "checkov-on-default-branch": checkovOnDefaultBranch,
  "checkov-soft-fail-main": checkovSoftFailMain,
  "checkov-on-pull-requests": checkovOnPullRequests,
  "checkov-scan-time": checkovScanTime,
  "checkov-main-clean": checkovMainClean,
  "tracing-enabled": tracingEnabled,
  "adot-on-eks": adotOnEks,
  "prod-sampling-not-100": prodSamplingNot100,
  "prod-sampling-bounded": prodSamplingBounded,
  "service-alarms-exist": serviceAlarmsExist,
  "codedeploy-in-use": codedeployInUse,
  "gradual-traffic-shift": gradualTrafficShift,
  "deployment-alarms-attached": deploymentAlarmsAttached,
  "canary-auto-rollback": canaryAutoRollback,
  "deployment-failure-rate": deploymentFailureRate,
  "incident-recovery-time": incidentRecoveryTime,
  "gitops-controller-present": gitopsControllerPresent,
  "gitops-every-cluster": gitopsEveryCluster,
  "graviton-adoption": gravitonAdoption,
  "spot-adoption": spotAdoption,
  "karpenter-adopted": karpenterAdopted,
  "karpenter-with-idle-ri": karpenterWithIdleRi,
  "graviton-majority": gravitonMajority,
  "commitments-utilised": commitmentsUtilised,
  "ecr-scan-on-push": ecrScanOnPush,
  "ci-vulnerability-scans": ciVulnerabilityScans,
  "sbom-published": sbomPublished,
  "critical-cves-in-use": criticalCvesInUse,
  "ecr-enhanced-scanning": ecrEnhancedScanning,
  "inspector-delegated-admin": inspectorDelegatedAdmin,
  "fis-templates-exist": fisTemplatesExist,
  "fis-stop-conditions": fisStopConditions,
  "fis-experiment-recent": fisExperimentRecent,
  "fis-experiments-monthly": fisExperimentsMonthly,
  "chaos-findings-closed": chaosFindingsClosed,
  "fis-stop-alarms-exist": fisStopAlarmsExist,
  "ai-telemetry-grounding": aiTelemetryGrounding,
};
