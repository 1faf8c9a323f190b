import { ids } from "../context";
import { outcome } from "../results";
import { isDeny, statementsOf } from "../scp-analysis";
import { outsideScps } from "./management-account";
import { listed, type Rule } from "./rule";
import { freshUploads, groupByRepository, isDefaultBranch, newestPerRepository, uploadIds } from "./uploads";

const SCAN_BUDGET_SECONDS = 300;

export const scpGuardrailsAttached: Rule = (input) => {
  const { tree, account } = input;
  if (!tree.isMember(account)) return outcome.fail("The account is outside the organisation: no SCP applies.", [account.id]);
  const management = outsideScps(input, "no deny guardrail attached to the root or its OU reaches it");
  if (management) return management;
  const guardrails = tree
    .policiesFor(account)
    .filter(({ policy }) => !policy.awsManaged && statementsOf(policy.document).some(isDeny));
  return guardrails.length
    ? outcome.pass(
        `${guardrails.length} customer-managed deny SCP(s) apply, e.g. ${guardrails[0]?.policy.name} via ${guardrails[0]?.via}.`,
        ids(guardrails.map((g) => g.policy)),
      )
    : outcome.fail("Only AWS-managed allow policies apply; no customer-managed deny guardrail.", [account.id]);
};

export const checkovResultsUploaded: Rule = ({ ctx, check }) => {
  const found = freshUploads(ctx, check, ["checkov"]);
  if ("missing" in found) return found.missing;
  const repositories = groupByRepository(found.uploads).size;
  return outcome.pass(
    `${found.uploads.length} Checkov upload(s) from ${repositories} repository(ies) in the window.`,
    uploadIds(found.uploads),
  );
};

export const checkovOnDefaultBranch: Rule = ({ ctx, check }) => {
  const found = freshUploads(ctx, check, ["checkov"]);
  if ("missing" in found) return found.missing;
  const missing = [...groupByRepository(found.uploads)].filter(([, list]) => !list.some(isDefaultBranch)).map(([repo]) => repo);
  return missing.length
    ? outcome.fail(`Never scanned on the default branch: ${listed(missing)}.`, uploadIds(found.uploads))
    : outcome.pass("Every scanned repository has a default-branch scan.", uploadIds(found.uploads.filter(isDefaultBranch)));
};

// Checkov's report does not say whether the job blocked. A pipeline may report soft_fail with
// the upload; without that, failures that persist on main across commits can only have been
// merged past the scanner, which is what soft-fail does, so that shows as a warning.
export const checkovSoftFailMain: Rule = ({ ctx, check }) => {
  const found = freshUploads(ctx, check, ["checkov"]);
  if ("missing" in found) return found.missing;
  const main = found.uploads.filter(isDefaultBranch);
  if (!main.length) return outcome.noData("No Checkov upload from a default branch in the window.");
  const declared = main.filter((u) => u.softFail === true);
  if (declared.length) {
    const repos = [...new Set(declared.map((u) => u.repository ?? "(no repository)"))];
    return outcome.fail(`The pipeline reports soft_fail on the default branch of ${listed(repos)}.`, uploadIds(declared));
  }
  const suspicious = [...groupByRepository(main.filter((u) => u.softFail === undefined && u.failed > 0))].filter(
    ([, list]) => new Set(list.map((u) => u.commit ?? u.id)).size >= 2,
  );
  if (suspicious.length) {
    return outcome.warning(
      `Failed checks kept landing on main across commits in ${listed(suspicious.map(([r]) => r))}: likely soft-fail; send soft_fail with uploads to confirm.`,
      uploadIds(suspicious.flatMap(([, list]) => list)),
    );
  }
  return outcome.pass("Default-branch scans block, or no failed check reached the default branch.", uploadIds(main));
};

export const checkovOnPullRequests: Rule = ({ ctx, check }) => {
  const found = freshUploads(ctx, check, ["checkov"]);
  if ("missing" in found) return found.missing;
  const missing = [...groupByRepository(found.uploads)]
    .filter(([, list]) => !list.some((u) => u.branch && !isDefaultBranch(u)))
    .map(([repo]) => repo);
  return missing.length
    ? outcome.fail(`No pull-request scans from ${listed(missing)}.`, uploadIds(found.uploads))
    : outcome.pass(
        "Every scanned repository scans its pull requests.",
        uploadIds(found.uploads.filter((u) => !isDefaultBranch(u))),
      );
};

export const checkovScanTime: Rule = ({ ctx, check }) => {
  const found = freshUploads(ctx, check, ["checkov"]);
  if ("missing" in found) return found.missing;
  const timed = found.uploads.filter((u) => !isDefaultBranch(u) && u.durationSeconds !== undefined);
  if (!timed.length) {
    return outcome.noData("Pull-request uploads do not report how long the scan took; send duration_seconds with them.");
  }
  const slow = [...groupByRepository(timed)].filter(
    ([, list]) => median(list.map((u) => u.durationSeconds ?? 0)) > SCAN_BUDGET_SECONDS,
  );
  if (slow.length) {
    return outcome.fail(
      `Median pull-request scan exceeds 5 minutes in ${listed(slow.map(([r]) => r))}.`,
      uploadIds(slow.flatMap(([, l]) => l)),
    );
  }
  const outliers = timed.filter((u) => (u.durationSeconds ?? 0) > SCAN_BUDGET_SECONDS);
  return outliers.length
    ? outcome.warning(`Typical scans finish within 5 minutes, but ${outliers.length} took longer.`, uploadIds(outliers))
    : outcome.pass("Every pull-request scan finished within 5 minutes.", uploadIds(timed));
};

export const checkovMainClean: Rule = ({ ctx, check }) => {
  const found = freshUploads(ctx, check, ["checkov"]);
  if ("missing" in found) return found.missing;
  const latest = newestPerRepository(found.uploads.filter(isDefaultBranch));
  if (!latest.length) return outcome.noData("No Checkov upload from a default branch in the window.");
  const dirty = latest.filter((u) => (u.bySeverity.critical ?? 0) + (u.bySeverity.high ?? 0) > 0);
  return dirty.length
    ? outcome.fail(
        `High or critical failures on main in ${listed(dirty.map((u) => u.repository ?? "(no repository)"))}.`,
        uploadIds(dirty),
      )
    : outcome.pass("The latest default-branch scan of every repository has no high or critical failures.", uploadIds(latest));
};

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
