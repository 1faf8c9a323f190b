import type { Practice, PracticeId } from "./types";

// Stages follow the seed's "Where to Start" ladder as DESIGN.md tabulates it; numbers are the
// seed's practice numbers so people can find the section they are reading about.
export const practices: readonly Practice[] = [
  {
    id: "multi-account",
    number: 1,
    title: "Multi-account AWS Organizations",
    stage: 1,
    outcome: { kind: "prevent-incidents", summary: "Smaller blast radius and an audit trail for every account." },
    levels: [
      { level: 0, title: "Single account", meaning: "Workloads share accounts or live outside an organisation." },
      {
        level: 1,
        title: "Organisation with a trail",
        meaning: "Accounts belong to an organisation that records every API call.",
      },
      { level: 2, title: "Structured OUs", meaning: "Accounts sit in OUs by purpose and the trail cannot be switched off." },
      { level: 3, title: "Guardrails per OU", meaning: "Prod is fenced to approved regions and security tooling is delegated." },
      { level: 4, title: "Guardrails with an exit", meaning: "Guardrails leave an audited break-glass path for incidents." },
    ],
  },
  {
    id: "policy-as-code",
    number: 2,
    title: "Policy-as-code: SCPs, OPA and Checkov in CI",
    stage: 1,
    outcome: { kind: "prevent-incidents", summary: "Over-permissive and unencrypted infrastructure is stopped before merge." },
    levels: [
      { level: 0, title: "Policies by review", meaning: "Nothing scans infrastructure code or fences accounts." },
      { level: 1, title: "Scanning exists", meaning: "SCP guardrails are attached and Checkov results reach Ladder." },
      {
        level: 2,
        title: "Main is protected",
        meaning: "Checkov runs on the default branch and blocks there instead of warning.",
      },
      { level: 3, title: "A developer tool", meaning: "Every pull request is scanned quickly, with a tuned configuration." },
      { level: 4, title: "Clean and enforced", meaning: "Main carries no serious findings and custom rules run in clusters." },
    ],
  },
  {
    id: "opentelemetry",
    number: 4,
    title: "OpenTelemetry as the observability standard",
    stage: 2,
    outcome: {
      kind: "recover-faster",
      summary: "One trace across services, so failures are found in minutes, at a bounded cost.",
    },
    levels: [
      { level: 0, title: "Separate silos", meaning: "No tracing; logs and metrics are searched by hand." },
      { level: 1, title: "Tracing on", meaning: "Traces are collected in the account." },
      {
        level: 2,
        title: "One standard, sane cost",
        meaning: "OTel collectors run on clusters and production is not traced at 100%.",
      },
      {
        level: 3,
        title: "Sampled deliberately",
        meaning: "Production samples a bounded share of requests and keeps every error.",
      },
      {
        level: 4,
        title: "Instrumented where it matters",
        meaning: "Business logic carries its own spans, not only auto-instrumentation.",
      },
    ],
  },
  {
    id: "progressive-delivery",
    number: 6,
    title: "Progressive delivery with canaries",
    stage: 2,
    outcome: { kind: "recover-faster", summary: "Bad releases reach a few users and roll back by themselves." },
    levels: [
      { level: 0, title: "Big-bang releases", meaning: "Deployments switch all traffic at once, or are not visible." },
      { level: 1, title: "Managed deployments", meaning: "Releases go through CodeDeploy and alarms watch the service." },
      { level: 2, title: "Canaries with alarms", meaning: "Every deployment group shifts traffic gradually and watches alarms." },
      {
        level: 3,
        title: "Automatic rollback",
        meaning: "Alarms roll a canary back without a person; schema changes ship first.",
      },
      { level: 4, title: "Measured safety", meaning: "Few deployments fail and incidents are short." },
    ],
  },
  {
    id: "gitops-eks",
    number: 3,
    title: "GitOps with Argo CD or Flux on EKS",
    stage: 3,
    outcome: { kind: "ship-faster", summary: "Git is the audit log and the rollback button for every cluster." },
    levels: [
      { level: 0, title: "Push from CI", meaning: "Clusters are changed by pipelines or people running kubectl." },
      { level: 1, title: "Controller present", meaning: "A GitOps controller runs on at least one cluster." },
      { level: 2, title: "Every cluster", meaning: "All clusters reconcile from the main branch." },
      {
        level: 3,
        title: "No side doors",
        meaning: "Drift is healed, people cannot change clusters by hand, no service bypasses Git.",
      },
      { level: 4, title: "Rollback is a revert", meaning: "Rollbacks are git reverts and are practised." },
    ],
  },
  {
    id: "finops-automation",
    number: 5,
    title: "FinOps automation: Karpenter, Graviton and Spot",
    stage: 4,
    outcome: { kind: "cut-cost", summary: "Capacity follows demand on cheaper hardware, without paying twice." },
    levels: [
      { level: 0, title: "Static capacity", meaning: "On-demand x86 sized for the peak." },
      { level: 1, title: "Graviton started", meaning: "A meaningful share of EC2 spend runs on Graviton." },
      { level: 2, title: "Elastic capacity", meaning: "Spot and Karpenter carry load, and no commitments sit idle beside them." },
      { level: 3, title: "Mostly efficient", meaning: "Graviton carries a large share and commitments are used." },
      { level: 4, title: "Tuned", meaning: "Consolidation is tuned to the workload and reviewed." },
    ],
  },
  {
    id: "supply-chain",
    number: 7,
    title: "Supply-chain security: SBOM, scanning and signing",
    stage: 4,
    outcome: { kind: "reduce-exposure", summary: "Known vulnerabilities are found before deploy and fixed while they matter." },
    levels: [
      { level: 0, title: "Unknown contents", meaning: "Images are neither scanned nor inventoried." },
      { level: 1, title: "Scanned", meaning: "Images are scanned on push and CI scans dependencies." },
      { level: 2, title: "Acted on", meaning: "SBOMs are produced and critical CVEs do not linger on running images." },
      { level: 3, title: "Enforced", meaning: "Continuous scanning is centralised and admission blocks unscanned images." },
      { level: 4, title: "Provenance", meaning: "Images are signed and runtime scanning covers what databases miss." },
    ],
  },
  {
    id: "platform-engineering",
    number: 8,
    title: "Platform engineering with an internal developer portal",
    stage: 5,
    outcome: { kind: "ship-faster", summary: "New services start on a paved road that already meets the standards." },
    levels: [
      { level: 0, title: "Tribal knowledge", meaning: "Each team assembles infrastructure from scratch." },
      { level: 1, title: "A portal", meaning: "An internal portal lists the services." },
      { level: 2, title: "A golden path", meaning: "The most common service type has an owned template." },
      { level: 3, title: "Kept current", meaning: "Templates are reviewed against today's standards and come pre-wired." },
      { level: 4, title: "The default", meaning: "Most new services start from a template." },
    ],
  },
  {
    id: "chaos-engineering",
    number: 10,
    title: "Chaos engineering with AWS FIS",
    stage: 5,
    outcome: { kind: "prevent-incidents", summary: "Failure modes are found in experiments instead of outages." },
    levels: [
      { level: 0, title: "Untested resilience", meaning: "No fault-injection experiments exist." },
      { level: 1, title: "Experiments defined", meaning: "FIS experiment templates exist." },
      { level: 2, title: "Guarded and run", meaning: "Every template has stop conditions and experiments ran recently." },
      { level: 3, title: "A habit", meaning: "Experiments run monthly and their findings get fixed." },
      { level: 4, title: "Game days", meaning: "Stop conditions point at real alarms and teams run game days." },
    ],
  },
  {
    id: "ai-assisted-devops",
    number: 9,
    title: "AI-assisted DevOps with Amazon Q Developer",
    stage: 5,
    outcome: { kind: "reduce-toil", summary: "Diagnosis and runbooks in minutes, on top of knowledge people keep." },
    levels: [
      { level: 0, title: "Not used", meaning: "No AI assistant is available to engineers." },
      { level: 1, title: "Available", meaning: "Engineers can use Amazon Q Developer." },
      { level: 2, title: "Grounded and governed", meaning: "Q has telemetry to reason over and its data access is reviewed." },
      { level: 3, title: "Alongside people", meaning: "Human runbooks exist and Q reviews infrastructure changes." },
      { level: 4, title: "In the loop", meaning: "Incident runbooks are drafted by Q and curated by people." },
    ],
  },
];

const byId = new Map(practices.map((p) => [p.id, p]));

export function getPractice(id: PracticeId): Practice {
  const practice = byId.get(id);
  if (!practice) throw new Error(`unknown practice ${id}`);
  return practice;
}
