import { ids } from "../context";
import type { TrailEvidence } from "../evidence";
import { outcome } from "../results";
import {
  BREAK_GLASS_ACTIONS,
  covers,
  exemptsPrincipal,
  isDeny,
  restrictsRegions,
  statementsOf,
  TRAIL_TAMPER_ACTIONS,
} from "../scp-analysis";
import { outsideScps } from "./management-account";
import { decided, listed, type Rule, type RuleInput } from "./rule";

const SECURITY_SERVICES = ["guardduty.amazonaws.com", "securityhub.amazonaws.com", "inspector2.amazonaws.com"];

function organizationTrails({ ctx, check }: RuleInput): TrailEvidence[] {
  return ctx.fresh(ctx.evidence.trails, check).filter((t) => t.isOrganizationTrail);
}

const notMember = (input: RuleInput) =>
  outcome.fail("The account is not a member of the connected organisation, so nothing organisation-wide covers it.", [
    input.account.id,
  ]);

export const accountInOrganization: Rule = (input) =>
  input.tree.isMember(input.account)
    ? outcome.pass(`Member of the organisation at ${input.account.ouPath}.`, [input.account.id])
    : notMember(input);

export const orgTrailEnabled: Rule = (input) => {
  if (!input.tree.isMember(input.account)) return notMember(input);
  const trails = organizationTrails(input);
  const logging = trails.filter((t) => t.isLogging && t.isMultiRegion);
  if (logging.length) return outcome.pass(`Inherited from the organisation trail ${logging[0]?.name}.`, ids(logging));
  if (trails.length)
    return outcome.fail(
      `The organisation trail ${trails[0]?.name} is not logging in every region.`,
      ids(trails),
      decided(trails, (t) => ({ isLogging: t.isLogging, isMultiRegion: t.isMultiRegion })),
    );
  return outcome.fail("No organisation trail exists: API calls in member accounts are not recorded centrally.");
};

export const orgTrailLogValidation: Rule = (input) => {
  if (!input.tree.isMember(input.account)) return notMember(input);
  const trails = organizationTrails(input).filter((t) => t.isLogging);
  if (!trails.length) return outcome.fail("No logging organisation trail exists to validate.");
  const validated = trails.filter((t) => t.logFileValidation);
  return validated.length
    ? outcome.pass(`The organisation trail ${validated[0]?.name} validates its log files.`, ids(validated))
    : outcome.fail(
        "The organisation trail does not validate its log files.",
        ids(trails),
        decided(trails, (t) => ({ logFileValidation: t.logFileValidation })),
      );
};

export const accountInOu: Rule = (input) => {
  const { account } = input;
  if (!input.tree.isMember(account)) return notMember(input);
  const management = outsideScps(input, "no OU gives it a guardrail, wherever it sits");
  if (management) return management;
  return account.ouPath === "/"
    ? outcome.fail("The account sits directly under the root, outside every OU's guardrails.", [account.id], {
        [account.id]: { ouPath: account.ouPath },
      })
    : outcome.pass(`The account sits in ${account.ouPath}.`, [account.id]);
};

export const trailTamperScp: Rule = (input) => {
  if (!input.tree.isMember(input.account)) return notMember(input);
  const management = outsideScps(input, "no SCP attached above it stops anyone there switching the trail off");
  if (management) return management;
  const guarding = input.tree
    .policiesFor(input.account)
    .filter(({ policy }) =>
      statementsOf(policy.document).some(
        (s) => isDeny(s) && TRAIL_TAMPER_ACTIONS.every((a) => covers(s, a)) && !exemptsPrincipal(s),
      ),
    );
  const first = guarding[0];
  return first
    ? outcome.pass(
        `${first.policy.name} (attached to ${first.via}) denies stopping or deleting trails.`,
        ids(guarding.map((g) => g.policy)),
      )
    : outcome.fail("No SCP above the account denies cloudtrail:StopLogging and cloudtrail:DeleteTrail.");
};

export const prodRegionRestrictionScp: Rule = (input) => {
  const { account } = input;
  const management = outsideScps(input, "no SCP attached above it fences its regions");
  if (management) return management;
  if (account.environment !== "prod") return outcome.notApplicable("Only prod accounts need the region fence.", [account.id]);
  if (!input.tree.isMember(account)) return notMember(input);
  const fencing = input.tree.policiesFor(account).filter(({ policy }) => statementsOf(policy.document).some(restrictsRegions));
  const first = fencing[0];
  return first
    ? outcome.pass(
        `${first.policy.name} (attached to ${first.via}) denies requests outside approved regions.`,
        ids(fencing.map((f) => f.policy)),
      )
    : outcome.fail("No SCP above this prod account denies requests outside approved regions.", [account.id]);
};

export const securityServicesDelegated: Rule = (input) => {
  const { ctx, check } = input;
  if (!input.tree.isMember(input.account)) return notMember(input);
  const admins = ctx.fresh(ctx.evidence.delegatedAdmins, check).filter((d) => SECURITY_SERVICES.includes(d.servicePrincipal));
  const onManagement = admins.filter((d) => d.accountId === ctx.evidence.managementAccountId);
  if (onManagement.length) {
    return outcome.fail("Security services are delegated to the management account itself.", ids(onManagement));
  }
  if (!admins.length) return outcome.fail("GuardDuty, Security Hub and Inspector have no delegated administrator.");
  const services = [...new Set(admins.map((a) => a.servicePrincipal.split(".")[0] ?? ""))];
  return outcome.pass(`Delegated to account ${admins[0]?.accountId}: ${listed(services)}.`, ids(admins));
};

export const scpBreakGlassExempt: Rule = (input) => {
  const { account, tree } = input;
  if (!tree.isMember(account)) return outcome.notApplicable("No SCPs apply outside the organisation.", [account.id]);
  const management = outsideScps(input, "no SCP attached above it can lock out its emergency credentials");
  if (management) return management;
  const blocking = tree
    .policiesFor(account)
    .filter(({ policy }) =>
      statementsOf(policy.document).some(
        (s) => isDeny(s) && !restrictsRegions(s) && !exemptsPrincipal(s) && BREAK_GLASS_ACTIONS.some((a) => covers(s, a)),
      ),
    );
  const first = blocking[0];
  return first
    ? outcome.fail(
        `${first.policy.name} (attached to ${first.via}) denies emergency credentials to every principal, with no break-glass exemption.`,
        ids(blocking.map((b) => b.policy)),
      )
    : outcome.pass("No SCP above the account blocks emergency credential actions without an exemption.", [account.id]);
};
