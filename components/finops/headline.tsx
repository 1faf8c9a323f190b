import Link from "next/link";
import { Badge } from "~/components/ui/badge";
import { Card, CardHeader } from "~/components/ui/card";
import type { FinOpsFilters, Headline as HeadlineData } from "~/server/finops/types";
import { ExplainedValue } from "./explained-value";

function Group({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <section className="border-t border-slate-200 px-5 py-4">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {description && <p className="mt-0.5 text-xs text-slate-600">{description}</p>}
      <dl className="mt-3 grid gap-x-6 gap-y-4 sm:grid-cols-3">{children}</dl>
    </section>
  );
}

const isNegative = (value: string | null) => value !== null && value.trim().startsWith("-");

export function EstimatedBadge() {
  return <Badge tone="amber">Estimated: AWS may still revise it</Badge>;
}

// One period's savings: spend and ESR, what was saved by lever, what commitments wasted, and what
// could still be saved, in the order the potential is applied.
export function HeadlineCard({
  headline,
  workspace,
  filters,
}: {
  headline: HeadlineData;
  workspace: string;
  filters: FinOpsFilters;
}) {
  const { period, realized, waste, potential } = headline;
  return (
    <Card>
      <CardHeader
        title={period.label}
        description="EC2 compute spend and savings in the chosen period."
        action={period.estimated ? <EstimatedBadge /> : undefined}
      />
      <dl className="grid gap-x-6 gap-y-4 px-5 py-4 sm:grid-cols-2">
        <ExplainedValue label="EC2 compute spend" explained={headline.ec2Spend} workspace={workspace} filters={filters} />
        <ExplainedValue
          label="Effective savings rate (ESR)"
          explained={headline.esr}
          kind="rate"
          workspace={workspace}
          filters={filters}
        />
        <ExplainedValue label="Realized savings" explained={realized.total} workspace={workspace} filters={filters} />
        <ExplainedValue label="Potential savings" explained={potential.total} workspace={workspace} filters={filters} />
      </dl>
      <Group title="Realized, by lever">
        <ExplainedValue
          label="Commitments, net of waste"
          explained={realized.commitments}
          workspace={workspace}
          filters={filters}
          size="md"
          note={
            isNegative(realized.commitments.value)
              ? "Below zero: the unused commitment cost more than the discounts saved."
              : undefined
          }
        />
        <ExplainedValue label="Spot" explained={realized.spot} workspace={workspace} filters={filters} size="md" />
        <ExplainedValue
          label="Graviton"
          explained={realized.graviton}
          workspace={workspace}
          filters={filters}
          size="md"
          note="A price counterfactual: what the same hours would cost on x86."
        />
      </Group>
      <Group title="Commitment waste" description="Reserved hours and Savings Plans commitment paid for and not used.">
        <ExplainedValue
          label="Unused Reserved Instances"
          explained={waste.reservedInstances}
          workspace={workspace}
          filters={filters}
          size="md"
        />
        <ExplainedValue
          label="Unused Savings Plans"
          explained={waste.savingsPlans}
          workspace={workspace}
          filters={filters}
          size="md"
        />
        <ExplainedValue label="Total waste" explained={waste.total} workspace={workspace} filters={filters} size="md" />
      </Group>
      <Group
        title="Potential, by lever"
        description="Applied in the order Graviton → Spot → commitments, each on what remains, so no dollar is counted twice."
      >
        <ExplainedValue label="1. Graviton" explained={potential.graviton} workspace={workspace} filters={filters} size="md" />
        <ExplainedValue label="2. Spot" explained={potential.spot} workspace={workspace} filters={filters} size="md" />
        <ExplainedValue
          label="3. Commitments"
          explained={potential.commitments}
          workspace={workspace}
          filters={filters}
          size="md"
        />
      </Group>
    </Card>
  );
}

// The current month so far, beside the chosen period: its summary figures; its levers are one
// click away (the period "mtd").
export function MonthToDateCard({
  headline,
  workspace,
  filters,
  leversHref,
}: {
  headline: HeadlineData;
  workspace: string;
  filters: FinOpsFilters;
  leversHref: string;
}) {
  return (
    <Card>
      <CardHeader
        title={`Month to date: ${headline.period.label}`}
        description="The current month so far, beside the chosen period."
        action={headline.period.estimated ? <EstimatedBadge /> : undefined}
      />
      <dl className="grid grid-cols-1 gap-x-6 gap-y-4 px-5 py-4 sm:grid-cols-2 xl:grid-cols-1">
        <ExplainedValue
          label="EC2 compute spend"
          explained={headline.ec2Spend}
          workspace={workspace}
          filters={filters}
          size="md"
        />
        <ExplainedValue
          label="Effective savings rate (ESR)"
          explained={headline.esr}
          kind="rate"
          workspace={workspace}
          filters={filters}
          size="md"
        />
        <ExplainedValue
          label="Realized savings"
          explained={headline.realized.total}
          workspace={workspace}
          filters={filters}
          size="md"
        />
        <ExplainedValue
          label="Commitment waste"
          explained={headline.waste.total}
          workspace={workspace}
          filters={filters}
          size="md"
        />
        <ExplainedValue
          label="Potential savings"
          explained={headline.potential.total}
          workspace={workspace}
          filters={filters}
          size="md"
        />
      </dl>
      <p className="border-t border-slate-200 px-5 py-3 text-sm">
        <Link href={leversHref} className="font-medium text-sky-800 underline underline-offset-2">
          Month to date by lever
        </Link>
      </p>
    </Card>
  );
}
