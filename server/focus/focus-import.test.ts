import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "~/app/api/v1/uploads/route";
import { db } from "~/server/db";
import { resetEnvCache } from "~/server/env";
import { workspaceWithOwner } from "~/server/test/fixtures";
import { csvRows, fileTotals, focusFixture, focusParquet, focusSample } from "~/server/test/focus-files";
import { getUploadStatus, processStagedReport } from "~/server/uploads/intake.service";
import { handleUploadRequest } from "~/server/uploads/upload-request";
import type { FocusSummary } from "./focus-summary";

async function tokenFor(role: "editor" | "viewer" = "editor") {
  const ws = await workspaceWithOwner("FinOps lead");
  const token = await ws.caller.tokens.create({ workspace: ws.slug, name: "Exports", role, expiresInDays: null });
  return { ...ws, token: token.token };
}

function uploadRequest(token: string, content: string | Buffer, filename: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("file", new Blob([typeof content === "string" ? content : new Uint8Array(content)]), filename);
  return new Request("http://localhost/api/v1/uploads", {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}

async function importFile(token: string, content: string | Buffer, filename: string, fields: Record<string, string> = {}) {
  const answer = await handleUploadRequest(uploadRequest(token, content, filename, fields));
  expect(answer.status).toBe(201);
  const body = answer.body as { id: string; kind: string; specVersion: string; counts: FocusSummary };
  expect(body.kind).toBe("focus");
  return body;
}

const stored = async (workspaceId: string) => {
  const [row] = await db.$queryRaw<{ rows: number; billed: string | null; effective: string | null }[]>`
    SELECT count(*)::int AS rows, trim_scale(sum("billedCost"))::text AS billed, trim_scale(sum("effectiveCost"))::text AS effective
      FROM "FocusCostRow" WHERE "workspaceId" = ${workspaceId}`;
  return row!;
};

// What Ladder says it stored equals the file's own sums, group by group, to the last digit.
function expectTotalsMatchFile(summary: FocusSummary, text: string) {
  const expected = fileTotals(csvRows(text));
  expect(summary.totals).toHaveLength(expected.size);
  for (const total of summary.totals) {
    const key = [total.provider, total.billingAccountId, total.billingPeriodStart, total.subAccountId ?? ""].join("|");
    const file = expected.get(key);
    expect(file, key).toBeDefined();
    expect(total).toMatchObject({
      rows: file!.rows,
      billedCost: file!.billedCost,
      effectiveCost: file!.effectiveCost,
      listCost: file!.listCost,
      contractedCost: file!.contractedCost,
    });
  }
  expect(summary.rows).toBe(csvRows(text).length);
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("FOCUS import reconciles to the file", () => {
  it("imports the FOCUS sample (US dates, a purchase with EffectiveCost 0) and stores the file's own totals", async () => {
    const { token, workspace } = await tokenFor();
    const text = focusSample();
    const body = await importFile(token, text, "saas_spend_agreements_b2.csv", { kind: "focus" });
    expect(body.specVersion).toBe("1.1");
    expectTotalsMatchFile(body.counts, text);
    expect(body.counts.totals[0]).toMatchObject({
      billingPeriodStart: "2025-04-01T00:00:00Z",
      billedCost: "1200",
      effectiveCost: "60",
      listCost: "1272",
    });
    expect(await stored(workspace.id)).toEqual({ rows: 14, billed: "1200", effective: "1200" });
  });

  it("detects FOCUS 1.2 from its columns without kind (BOM, CRLF, quoted newlines, exponents) and keeps AWS's details", async () => {
    const { token, workspace } = await tokenFor();
    const text = focusFixture("aws-focus-1.2.csv");
    const body = await importFile(token, text, "export.csv");
    expect(body.specVersion).toBe("1.2");
    expect(body.counts.format).toBe("csv");
    expectTotalsMatchFile(body.counts, text);
    const rows = await db.focusCostRow.findMany({
      where: { workspaceId: workspace.id },
      orderBy: { rowNumber: "asc" },
      select: {
        rowNumber: true,
        provider: true,
        instanceType: true,
        usageType: true,
        nodePool: true,
        pricingCategory: true,
        billedCost: true,
      },
    });
    expect(rows.slice(0, 3)).toEqual([
      expect.objectContaining({ rowNumber: 2, instanceType: "m7i.large", nodePool: "general", pricingCategory: "Standard" }),
      expect.objectContaining({
        rowNumber: 3,
        instanceType: "c7g.xlarge",
        nodePool: "spot",
        usageType: "USE1-SpotUsage:c7g.xlarge",
      }),
      expect.objectContaining({ rowNumber: 4, instanceType: "m7g.large", pricingCategory: "Committed" }),
    ]);
    // The storage row's description spans two lines: the next row is on line 12 of the file.
    expect(rows.find((r) => r.usageType === "Requests-Tier2")).toMatchObject({ rowNumber: 12 });
    expect(rows.find((r) => r.usageType === "Requests-Tier2")!.billedCost.toString()).toBe("0.0015");
    expect(rows.find((r) => r.provider === "Google Cloud")).toMatchObject({ instanceType: "n2-standard-4", nodePool: null });
  });

  it("reads FOCUS 1.0 with ISO dates in several spellings, gzipped", async () => {
    const { token, workspace } = await tokenFor();
    const text = focusFixture("aws-focus-1.0.csv");
    const body = await importFile(token, gzipSync(text), "export.csv.gz");
    expect(body.specVersion).toBe("1.0");
    expectTotalsMatchFile(body.counts, text);
    const spot = await db.focusCostRow.findFirst({ where: { workspaceId: workspace.id, pricingCategory: "Dynamic" } });
    expect(spot!.chargePeriodStart.toISOString()).toBe("2026-09-03T00:00:00.000Z");
  });

  it("reads Parquet row group by row group to the same totals and details", async () => {
    const { token } = await tokenFor();
    const text = focusFixture("aws-focus-1.2.csv");
    const body = await importFile(token, focusParquet(text), "export.parquet");
    expect(body.counts.format).toBe("parquet");
    expect(body.specVersion).toBe("1.2");
    expectTotalsMatchFile(body.counts, text);
    const spot = await db.focusCostRow.findFirst({ where: { uploadId: body.id, pricingCategory: "Dynamic" } });
    expect(spot).toMatchObject({ rowNumber: 2, instanceType: "c7g.xlarge", nodePool: "spot", subAccountId: "222222222222" });
    expect(spot!.chargePeriodStart.toISOString()).toBe("2026-10-03T00:00:00.000Z");
  });

  it("imports a large export through the staged path and the worker, Parquet included", async () => {
    const { token, workspace } = await tokenFor();
    vi.stubEnv("LADDER_UPLOAD_INLINE_MB", "0");
    resetEnvCache();
    const text = focusFixture("aws-focus-1.2.csv");
    for (const [content, name] of [
      [text, "big.csv"],
      [focusParquet(text), "big.parquet"],
    ] as const) {
      const answer = await handleUploadRequest(uploadRequest(token, content, name));
      expect(answer.status).toBe(202);
      await processStagedReport({ intakeId: answer.body.id, isLastAttempt: true });
      const status = await getUploadStatus({ workspaceId: workspace.id, id: answer.body.id });
      expect(status).toMatchObject({ status: "stored", kind: "focus" });
      expectTotalsMatchFile((status as unknown as { counts: FocusSummary }).counts, text);
    }
    expect((await stored(workspace.id)).rows).toBe(csvRows(text).length);
  });
});

describe("re-uploads replace, never add", () => {
  it("the same file twice changes nothing", async () => {
    const { token, workspace } = await tokenFor();
    const text = focusFixture("aws-focus-1.2.csv");
    await importFile(token, text, "export.csv");
    const before = await stored(workspace.id);
    const again = await importFile(token, text, "export.csv");
    expect(again.counts.replacedRows).toBe(before.rows);
    expect(await stored(workspace.id)).toEqual(before);
  });

  it("a corrected billing period replaces the stored one and leaves other periods and providers alone", async () => {
    const { token, workspace } = await tokenFor();
    const text = focusFixture("aws-focus-1.2.csv");
    await importFile(token, text, "export.csv");
    const rows = csvRows(text);
    const header = text.replace(/^\uFEFF/, "").split("\r\n")[0]!;
    const octoberAws = rows.filter((r) => r.ProviderName === "AWS" && r.BillingPeriodStart?.startsWith("2026-10"));
    // AWS restated October: one usage line only, at a new amount.
    const corrected = [
      header,
      text
        .replace(/^\uFEFF/, "")
        .split("\r\n")[1]!
        .replace(",2.4192,", ",9.99,"),
    ].join("\r\n");
    const body = await importFile(token, corrected, "october.csv");
    expect(body.counts.replacedRows).toBe(octoberAws.length);
    const left = await db.focusCostRow.groupBy({
      by: ["provider", "billingPeriodStart"],
      where: { workspaceId: workspace.id },
      _count: true,
      orderBy: [{ provider: "asc" }, { billingPeriodStart: "asc" }],
    });
    expect(left.map((g) => [g.provider, g.billingPeriodStart.toISOString().slice(0, 7), g._count])).toEqual([
      ["AWS", "2026-10", 1],
      ["AWS", "2026-11", 1],
      ["Google Cloud", "2026-10", 1],
    ]);
    expect(body.counts.totals).toEqual([
      expect.objectContaining({ billedCost: "9.99", effectiveCost: "2.4192", subAccountId: "222222222222" }),
    ]);
  });
});

describe("bad input stores nothing and says which column and row", () => {
  const text = focusFixture("aws-focus-1.2.csv").replace(/^\uFEFF/, "");
  const lines = text.split("\r\n");

  const cases: [string, () => string | Buffer, string, RegExp][] = [
    ["a missing required column", () => text.replaceAll("EffectiveCost", "EffectiveCosts"), "f.csv", /no column EffectiveCost/],
    [
      "a wrong type, with its line",
      () => [...lines.slice(0, 4), lines[4]!.replace(/^,50\.00,/, ",abc,"), ...lines.slice(5)].join("\r\n"),
      "f.csv",
      /BilledCost on line 5 is “abc”, not a number/,
    ],
    [
      "a date that is no date",
      () =>
        lines
          .slice(0, 3)
          .join("\r\n")
          .replace(/2026-10-03T00:00:00Z/, "2026-13-03"),
      "f.csv",
      /ChargePeriodStart on line 2 is “2026-13-03”/,
    ],
    [
      "a version before 1.0",
      () => "BilledCost,AmortizedCost,ChargeType,ProviderName,BillingAccountId\n1,1,Usage,AWS,1\n",
      "f.csv",
      /before 1\.0.*not supported/,
    ],
    ["a CSV that is not FOCUS", () => "name,amount\nfoo,1\n", "f.csv", /Not a FOCUS cost export: the header has no BilledCost/],
    ["a truncated gzip", () => gzipSync(text).subarray(0, 400), "f.csv.gz", /gzip file ends early \(it is truncated\)/],
    [
      "a truncated Parquet file",
      () => focusParquet(text).subarray(0, 3000),
      "f.parquet",
      /Parquet file is incomplete or damaged/,
    ],
    [
      "a row cut short",
      () => `${lines.slice(0, 3).join("\r\n")}\r\nus-east-1a,1.0\r\n`,
      "f.csv",
      /Line 4 has 2 fields where the header has 57/,
    ],
  ];

  for (const [what, content, filename, message] of cases) {
    it(what, async () => {
      const { token, workspace } = await tokenFor();
      await expect(handleUploadRequest(uploadRequest(token, content(), filename, { kind: "focus" }))).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(message),
      });
      expect(await db.upload.count({ where: { workspaceId: workspace.id } })).toBe(0);
      expect((await stored(workspace.id)).rows).toBe(0);
    });
  }

  it("a bad row at the end of a staged export leaves the stored rows as they were", async () => {
    const { token, workspace } = await tokenFor();
    await importFile(token, text, "export.csv");
    const before = await stored(workspace.id);
    vi.stubEnv("LADDER_UPLOAD_INLINE_MB", "0");
    resetEnvCache();
    const broken = `${text}${lines[1]!.replace(",2.4192,", ",oops,")}\r\n`;
    const answer = await handleUploadRequest(uploadRequest(token, broken, "export.csv"));
    expect(answer.status).toBe(202);
    await processStagedReport({ intakeId: answer.body.id, isLastAttempt: true });
    expect(await getUploadStatus({ workspaceId: workspace.id, id: answer.body.id })).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/BilledCost on line 17 is “oops”/),
    });
    expect(await stored(workspace.id)).toEqual(before);
    expect(await db.upload.count({ where: { workspaceId: workspace.id } })).toBe(1);
  });
});

describe("who may upload and who may see", () => {
  it("a viewer's token cannot upload", async () => {
    const { token, workspace } = await tokenFor("viewer");
    await expect(handleUploadRequest(uploadRequest(token, focusFixture("aws-focus-1.0.csv"), "f.csv"))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await stored(workspace.id)).rows).toBe(0);
  });

  it("another workspace sees none of the rows and cannot read the upload", async () => {
    const mine = await tokenFor();
    const other = await tokenFor();
    const body = await importFile(mine.token, focusFixture("aws-focus-1.0.csv"), "f.csv");
    expect((await stored(other.workspace.id)).rows).toBe(0);
    await expect(getUploadStatus({ workspaceId: other.workspace.id, id: body.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The same period of the same billing account uploaded by another workspace replaces nothing here.
    const theirs = await importFile(other.token, focusFixture("aws-focus-1.0.csv"), "f.csv");
    expect(theirs.counts.replacedRows).toBe(0);
    expect((await stored(mine.workspace.id)).rows).toBe(9);
  });

  it("goes through the real route handler: 201 with the totals, 400 naming the column as JSON", async () => {
    const { token } = await tokenFor();
    const ok = await POST(uploadRequest(token, focusFixture("aws-focus-1.0.csv"), "export.csv", { kind: "focus" }));
    expect(ok.status).toBe(201);
    const body = (await ok.json()) as { kind: string; counts: FocusSummary };
    expect(body).toMatchObject({ kind: "focus", counts: { focusVersion: "1.0", rows: 9 } });
    const bad = await POST(uploadRequest(token, "BilledCost,ProviderName\n1,AWS\n", "export.csv", { kind: "focus" }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "BAD_REQUEST", message: expect.stringMatching(/EffectiveCost/) } });
  });
});
