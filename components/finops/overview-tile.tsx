"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Card, CardHeader } from "~/components/ui/card";
import { cn } from "~/components/ui/cn";
import type { Explained } from "~/server/finops/types";
import { formatShare, formatUsd, NO_DATA } from "./format";
import { finopsPath } from "./paths";

function Figure({
  label,
  explained,
  kind,
  note,
}: {
  label: string;
  explained: Explained | undefined;
  kind: "usd" | "rate";
  note: string;
}) {
  const value = explained?.value ?? null;
  return (
    <div>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd>
        <span
          className={cn("block text-xl font-semibold tabular-nums", value === null ? "text-slate-600 italic" : "text-slate-900")}
        >
          {value === null ? NO_DATA : kind === "rate" ? formatShare(value) : formatUsd(value)}
        </span>
        <span className="block text-xs text-slate-600">{note}</span>
      </dd>
    </div>
  );
}

// The overview's FinOps tile: the same query (and numbers) as the FinOps page's default view, so
// the two never disagree and opening FinOps from here is instant.
export function FinOpsTile({ workspace }: { workspace: string }) {
  const trpc = useTRPC();
  const { data: overview } = useSuspenseQuery(trpc.finops.overview.queryOptions({ workspace }));
  const link = (
    <Link href={finopsPath(workspace)} className="text-sm font-medium text-sky-800 underline underline-offset-2">
      Open FinOps
    </Link>
  );
  if (overview.source.kind === "none") {
    return (
      <Card>
        <CardHeader
          title="FinOps"
          description="No cost data yet: connect AWS accounts and sync, or upload a FOCUS cost export."
          action={link}
        />
      </Card>
    );
  }
  const { headline, monthToDate } = overview;
  const month = headline.period.label;
  return (
    <Card>
      <CardHeader title="FinOps" description={`EC2 savings; ${overview.source.note}`} action={link} />
      <dl className="grid gap-x-6 gap-y-4 px-5 py-4 sm:grid-cols-3">
        <Figure
          label="Realized this month"
          explained={monthToDate?.realized.total ?? headline.realized.total}
          kind="usd"
          note={monthToDate ? `${monthToDate.period.label}; ${formatUsd(headline.realized.total.value)} in ${month}` : month}
        />
        <Figure
          label="Potential savings"
          explained={headline.potential.total}
          kind="usd"
          note={`${month}, Graviton → Spot → commitments`}
        />
        <Figure label="Effective savings rate" explained={headline.esr} kind="rate" note={month} />
      </dl>
    </Card>
  );
}
