import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { AppError } from "~/server/errors";

// CI checks shared/ out beside the repository; a missing sample must fail the run, not skip it.
const samplesRoot = path.resolve(process.cwd(), "../shared/samples");

export const samplePaths = {
  checkovSarif: "checkov-sarif/ezio143__devsecops-pipeline/results_sarif.sarif",
  checkovJson: "checkov-json/DefectDojo__django-DefectDojo/checkov-report-severity.json",
  trivySarif: "trivy/aquasecurity__trivy/alpine-310.sarif.golden",
  grypeJson: "grype/anchore__grype/keycloak-test.json",
  cyclonedx: "sbom-cyclonedx/CycloneDX__bom-examples/bom.1.4.json",
  spdx: "sbom-spdx/spdx__spdx-examples/appbomination.spdx.json",
  pagerduty: "incidents-pagerduty/demisto__content/incidents.json",
  opsgenie: "incidents-opsgenie/demisto__content/get_incidents.json",
  githubDeploymentStatus: "deployments-github/octokit__webhooks/payload.json",
} as const;

export function readSample(name: keyof typeof samplePaths): string {
  const file = path.join(samplesRoot, samplePaths[name]);
  if (!existsSync(file)) throw new Error(`Sample ${file} is missing: the shared samples must sit beside the repository.`);
  return readFileSync(file, "utf8");
}

export function readFixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), "utf8");
}

export function expectBadRequest(run: () => unknown, message: string | RegExp): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(AppError);
  expect((thrown as AppError).code).toBe("BAD_REQUEST");
  expect((thrown as AppError).message).toMatch(message);
}
