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

export interface PeriodKey {
  provider: string;
  billingAccountId: string;
  /** The stored timestamp as Postgres prints it, exact to the microsecond. */
  period: string;
}

// A re-uploaded billing period replaces the one stored: every older row of a (provider, billing
// account, billing period) the new file has goes, so a period is never counted twice.
export async function replaceOlderRows(
  client: pg.PoolClient,
  opts: { workspaceId: string; uploadId: string; keys: PeriodKey[] },
): Promise<number> {
  if (!opts.keys.length) return 0;
  const result = await client.query(
    `DELETE FROM "FocusCostRow" o
      USING unnest($3::text[], $4::text[], $5::timestamp[]) AS seen(provider, "billingAccountId", "billingPeriodStart")
      WHERE o."workspaceId" = $2 AND o.provider = seen.provider AND o."billingAccountId" = seen."billingAccountId"
        AND o."billingPeriodStart" = seen."billingPeriodStart" AND o."uploadId" <> $1`,
    [
      opts.uploadId,
      opts.workspaceId,
      opts.keys.map((k) => k.provider),
      opts.keys.map((k) => k.billingAccountId),
      opts.keys.map((k) => k.period),
    ],
  );
  return result.rowCount ?? 0;
}

// Summed by Postgres over the rows as stored (numeric, exact), not over what the reader parsed;
// one pass over the upload's rows gives the totals and the billing periods it covers.
export async function readFocusTotals(
  client: pg.PoolClient,
  uploadId: string,
): Promise<{ totals: FocusTotal[]; keys: PeriodKey[] }> {
  const result = await client.query<FocusTotal & { period: string }>(
    `SELECT provider, "billingAccountId", to_char("billingPeriodStart", 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "billingPeriodStart",
            "billingPeriodStart"::text AS period, "billingCurrency", "subAccountId", count(*)::int AS rows,
            trim_scale(sum("billedCost"))::text AS "billedCost", trim_scale(sum("effectiveCost"))::text AS "effectiveCost",
            trim_scale(sum("listCost"))::text AS "listCost", trim_scale(sum("contractedCost"))::text AS "contractedCost"
       FROM "FocusCostRow" WHERE "uploadId" = $1
      GROUP BY provider, "billingAccountId", "billingPeriodStart", "billingCurrency", "subAccountId"
      ORDER BY "billingPeriodStart", provider, "billingAccountId", "subAccountId" NULLS FIRST, "billingCurrency"`,
    [uploadId],
  );
  const keys = new Map<string, PeriodKey>();
  const totals = result.rows.map(({ period, ...total }) => {
    keys.set(JSON.stringify([total.provider, total.billingAccountId, period]), {
      provider: total.provider,
      billingAccountId: total.billingAccountId,
      period,
    });
    return total;
  });
  return { totals, keys: [...keys.values()] };
}
