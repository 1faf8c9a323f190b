import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseUpload } from "./index";
import { expectBadRequest, readSample } from "./test-inputs";

const workflowRun = "deployments-github/octokit__webhooks/completed.payload.json";

const deployment = (fields: object = {}) => ({
  id: "run-981",
  service: "checkout-api",
  environment: "production",
  accountId: "123456789012",
  commitSha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
  committedAt: "2025-05-15T14:02:11+02:00",
  startedAt: "2025-05-15T15:10:00Z",
  finishedAt: "2025-05-15T15:20:55Z",
  status: "succeeded",
  ...fields,
});

describe("deployments JSON (Ladder's, for CI systems)", () => {
  it("reads the object form, mapping the environment and keeping the commit time", () => {
    const upload = parseUpload(
      JSON.stringify({
        deployments: [deployment(), deployment({ id: 982, environment: "eu-canary", status: "rolled_back", committedAt: null })],
      }),
    );
    expect(upload).toMatchObject({ kind: "deployments", format: "deployments-json", summary: { deployments: 2, incidents: 0 } });
    expect(upload.deployments).toEqual([
      {
        source: "ladder",
        externalId: "run-981",
        service: "checkout-api",
        environment: "prod",
        accountId: "123456789012",
        commitSha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
        committedAt: new Date("2025-05-15T12:02:11Z"),
        startedAt: new Date("2025-05-15T15:10:00Z"),
        finishedAt: new Date("2025-05-15T15:20:55Z"),
        status: "succeeded",
      },
      expect.objectContaining({ externalId: "982", environment: "eu-canary", status: "rolled_back" }),
    ]);
    // No commit time: lead time stays unknown, nothing is invented.
    expect(upload.deployments[1]).not.toHaveProperty("committedAt");
  });

  it("reads a bare array, and an empty one when the kind is given", () => {
    expect(parseUpload(JSON.stringify([deployment()])).deployments).toHaveLength(1);
    const empty = parseUpload("[]", "deployments");
    expect(empty).toMatchObject({
      format: "deployments-json",
      deployments: [],
      warnings: ["The deployments file lists no deployments."],
    });
  });

  it("refuses a deployment without id, with an unknown status, an unparsable time or finishing before it started", () => {
    expectBadRequest(
      () => parseUpload(JSON.stringify({ deployments: [deployment(), deployment({ id: undefined })] })),
      "The deployments file is invalid: deployments[1].id: is required.",
    );
    expectBadRequest(
      () => parseUpload(JSON.stringify({ deployments: [deployment({ status: "done" })] })),
      'deployments[0].status: must be one of succeeded, failed, rolled_back (found "done")',
    );
    expectBadRequest(
      () => parseUpload(JSON.stringify({ deployments: [deployment({ finishedAt: "2025-05-15 15:20" })] })),
      /deployments\[0\]\.finishedAt: must be an ISO 8601 date-time with a timezone/,
    );
    expectBadRequest(
      () => parseUpload(JSON.stringify({ deployments: [deployment({ startedAt: "2025-05-15T16:00:00Z" })] })),
      "deployments[0] (run-981): finishedAt is before startedAt",
    );
    expectBadRequest(
      () => parseUpload(JSON.stringify({ deployments: [deployment(), deployment()] })),
      'deployments[1]: id "run-981" appears more than once',
    );
  });
});

describe("GitHub deployment_status webhook payloads", () => {
  const payload = (state: string, at: string, fields: object = {}) => ({
    action: "created",
    deployment_status: {
      id: 1,
      state,
      environment: "staging",
      created_at: at,
      updated_at: at,
      log_url: "https://github.com/o/r/actions/runs/1",
    },
    deployment: { id: 42, sha: "abc123", environment: "staging", created_at: "2025-01-01T10:00:00Z", payload: {} },
    repository: { full_name: "octo/shop" },
    ...fields,
  });

  it("reads the real payload (octokit/webhooks example): a success to production, no commit time", () => {
    const upload = parseUpload(readSample("githubDeploymentStatus"));
    expect(upload).toMatchObject({ kind: "deployments", format: "github-deployment-status", tool: { name: "GitHub" } });
    expect(upload.deployments).toEqual([
      {
        source: "github",
        externalId: "145988746",
        service: "Codertocat/Hello-World",
        environment: "prod",
        commitSha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
        startedAt: new Date("2019-05-15T15:20:53Z"),
        finishedAt: new Date("2019-05-15T15:20:55Z"),
        status: "succeeded",
      },
    ]);
  });

  it("reads an array of statuses: only final states, the latest per deployment; a service and commit time from the payload", () => {
    const upload = parseUpload(
      JSON.stringify([
        payload("in_progress", "2025-01-01T10:01:00Z"),
        payload("failure", "2025-01-01T10:05:00Z"),
        payload("error", "2025-01-01T10:04:00Z"),
        payload("success", "2025-01-01T11:00:00Z", {
          deployment: {
            id: 43,
            sha: "def456",
            environment: "production-eu",
            created_at: "2025-01-01T10:50:00Z",
            payload: JSON.stringify({ service: "shop-web", committedAt: "2025-01-01T09:30:00Z" }),
          },
        }),
      ]),
    );
    expect(
      upload.deployments.map((d) => [d.externalId, d.status, d.environment, d.service, d.finishedAt, d.committedAt]),
    ).toEqual([
      ["42", "failed", "staging", "octo/shop", new Date("2025-01-01T10:05:00Z"), undefined],
      ["43", "succeeded", "staging", "shop-web", new Date("2025-01-01T11:00:00Z"), new Date("2025-01-01T09:30:00Z")],
    ]);
    expect(upload.deployments[0]!.url).toBe("https://github.com/o/r/actions/runs/1");
    expect(upload.warnings).toContain(
      "1 status(es) were not final (queued, pending, in progress or inactive) and were left out.",
    );
  });

  it("refuses a workflow_run payload (real octokit/webhooks example), saying what to send instead", () => {
    expectBadRequest(
      () => parseUpload(readFileSync(path.resolve(process.cwd(), "../shared/samples", workflowRun), "utf8")),
      /^A GitHub workflow_run payload does not say which runs are deployments\. Send the deployment_status payload/,
    );
  });

  it("refuses a payload without deployment id or with an unreadable time", () => {
    expectBadRequest(
      () =>
        parseUpload(
          JSON.stringify(payload("success", "2025-01-01T11:00:00Z", { deployment: { sha: "x", environment: "prod" } })),
        ),
      "The GitHub deployment_status payload is invalid: payload.deployment.id: is required.",
    );
    expectBadRequest(
      () => parseUpload(JSON.stringify([payload("success", "soon")])),
      /\[0\]\.deployment_status\.created_at: must be an ISO 8601 date-time/,
    );
  });
});
