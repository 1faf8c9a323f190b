import type pg from "pg";

/** Stored totals of one billing period of one billing account and sub-account, as decimal strings. */
export interface FocusTotal {
  provider: string;
  billingAccountId: string;
  billingPeriodStart: string;
  billingCurrency: string;
  subAccountId: string | null;
  rows: number;
  billedCost: string;
  effectiveCost: string;
  /** null when no row of the group has the column (no data, not zero). */
  listCost: string | null;
  contractedCost: string | null;
}

/** What an Upload of kind "focus" says it stored (its summary, the HTTP answer, the status endpoint). */
export interface FocusSummary {
  focusVersion: string;
  format: "csv" | "csv-gzip" | "parquet";
  rows: number;
  /** Rows of earlier uploads of the same billing periods that this file replaced. */
  replacedRows: number;
  totals: FocusTotal[];
}

// A re-uploaded billing period replaces the one stored: every older row of a (provider, billing
// account, billing period) the new file has goes, so a period is never counted twice.
export async function replaceOlderRows(client: pg.PoolClient, opts: { workspaceId: string; uploadId: string }): Promise<number> {
  const result = await client.query(
    `WITH seen AS (SELECT DISTINCT provider, "billingAccountId", "billingPeriodStart" FROM "FocusCostRow" WHERE "uploadId" = $1)
     DELETE FROM "FocusCostRow" o USING seen
      WHERE o."workspaceId" = $2 AND o.provider = seen.provider AND o."billingAccountId" = seen."billingAccountId"
        AND o."billingPeriodStart" = seen."billingPeriodStart" AND o."uploadId" <> $1`,
    [opts.uploadId, opts.workspaceId],
  );
  return result.rowCount ?? 0;
}

// Summed by Postgres over the rows as stored (numeric, exact), not over what the reader parsed.
export async function readFocusTotals(client: pg.PoolClient, uploadId: string): Promise<FocusTotal[]> {
  const result = await client.query<FocusTotal>(
    `SELECT provider, "billingAccountId", to_char("billingPeriodStart", 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "billingPeriodStart",
            "billingCurrency", "subAccountId", count(*)::int AS rows,
            trim_scale(sum("billedCost"))::text AS "billedCost", trim_scale(sum("effectiveCost"))::text AS "effectiveCost",
            trim_scale(sum("listCost"))::text AS "listCost", trim_scale(sum("contractedCost"))::text AS "contractedCost"
       FROM "FocusCostRow" WHERE "uploadId" = $1
      GROUP BY provider, "billingAccountId", "billingPeriodStart", "billingCurrency", "subAccountId"
      ORDER BY "billingPeriodStart", provider, "billingAccountId", "subAccountId" NULLS FIRST, "billingCurrency"`,
    [uploadId],
  );
  return result.rows;
}
