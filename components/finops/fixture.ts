import type {
  BreakdownRow,
  CommitmentRow,
  Explained,
  FinOpsOverview,
  Headline,
  PeriodInfo,
  TrendMonth,
} from "~/server/finops/types";

// A typed FinOps overview in the shape of the demo organisation's story (Graviton share rising,
// Spot arriving with Karpenter in May, Reserved Instances left unused), for component tests and
// screenshots only: the page reads the real service.

const explained = (value: string | null, formula: string, extra: Partial<Explained> = {}): Explained => ({
  value,
  formula,
  inputs: [],
  assumptions: [],
  basis: ["cost-explorer"],
  ...extra,
});

const period = (key: string, label: string, from: string, to: string, estimated = false): PeriodInfo => ({
  key,
  label,
  from,
  to,
  estimated,
});

const november = period("2026-11", "November 2026", "2026-11-01", "2026-12-01", true);
const mtd = period("mtd", "December 2026 to date", "2026-12-01", "2026-12-03", true);

function headline(p: PeriodInfo, scale: string): Headline {
  const drill = { table: "ec2" as const, from: p.from, to: p.to };
  const big = scale === "1";
  return {
    period: p,
    ec2Spend: explained(
      big ? "48210.55" : "3120.40",
      "EC2 compute spend = sum of the period's EC2 instance cost rows (net amortized)",
      {
        inputs: [{ label: "EC2 cost rows", value: big ? "11520" : "768", unit: "count" }],
        drill,
      },
    ),
    onDemandEquivalent: explained(big ? "71340.10" : "4602.00", "On-demand equivalent = usage hours × on-demand list price", {
      basis: ["price-list"],
      pricesFetchedAt: "2026-12-02T06:00:00Z",
      drill,
    }),
    esr: explained(big ? "0.3242" : "0.3219", "ESR = 1 − effective cost ÷ on-demand equivalent", {
      inputs: [
        { label: "Effective cost", value: big ? "48210.55" : "3120.40", unit: "USD" },
        { label: "On-demand equivalent", value: big ? "71340.10" : "4602.00", unit: "USD" },
      ],
      assumptions: ["On-demand equivalent priced at Linux, shared tenancy list prices in us-east-1."],
      basis: ["price-list", "cost-explorer"],
      pricesFetchedAt: "2026-12-02T06:00:00Z",
      drill,
    }),
    realized: {
      commitments: explained(
        big ? "6120.00" : "395.10",
        "Realized commitment savings = Cost Explorer NetRISavings + NetSavings (net of waste)",
        {
          inputs: [
            { label: "RI net savings", value: big ? "2410.00" : "150.00", unit: "USD" },
            { label: "Savings Plans net savings", value: big ? "3710.00" : "245.10", unit: "USD" },
          ],
          drill: { ...drill, table: "commitment" },
        },
      ),
      spot: explained(big ? "9870.25" : "640.00", "Realized Spot savings = on-demand equivalent of Spot hours − Spot cost", {
        inputs: [
          { label: "Spot hours", value: big ? "61200" : "4080", unit: "hours" },
          { label: "Spot cost", value: big ? "6480.10" : "420.00", unit: "USD" },
        ],
        basis: ["price-list", "cost-explorer"],
        pricesFetchedAt: "2026-12-02T06:00:00Z",
        drill: { ...drill, purchaseOption: "spot" },
      }),
      graviton: explained(
        big ? "3415.80" : "221.00",
        "Graviton savings (price counterfactual) = x86 equivalent list price × Graviton hours − Graviton list cost",
        {
          assumptions: ["A counterfactual: what the same hours would have cost on the x86 equivalent (m7g → m7i)."],
          basis: ["price-list", "fallback-table"],
          pricesFetchedAt: "2026-12-02T06:00:00Z",
          drill: { ...drill, architecture: "graviton" },
        },
      ),
      total: explained(big ? "19406.05" : "1256.10", "Total realized = commitments + Spot + Graviton"),
    },
    waste: {
      reservedInstances: explained(
        big ? "2184.00" : "141.00",
        "Unused RI cost = unused reservation hours × effective hourly rate",
        {
          inputs: [{ label: "Unused RI hours", value: big ? "2920" : "188", unit: "hours" }],
          drill: { ...drill, table: "commitment" },
        },
      ),
      savingsPlans: explained(null, "Unused Savings Plans commitment = commitment − used commitment"),
      total: explained(big ? "2184.00" : "141.00", "Commitment waste = unused RI cost + unused Savings Plans commitment"),
    },
    potential: {
      graviton: explained(
        big ? "5120.00" : "330.00",
        "Graviton potential = eligible x86 spend × (1 − Graviton price ÷ x86 price)",
        {
          assumptions: ["GPU, accelerator, metal, mac and Windows usage has no equivalent and is not eligible."],
          basis: ["price-list", "fallback-percentage"],
          pricesFetchedAt: "2026-12-02T06:00:00Z",
        },
      ),
      spot: explained(
        big ? "4310.00" : "280.00",
        "Spot potential = eligible on-demand spend after Graviton × observed Spot discount",
        {
          inputs: [{ label: "Observed Spot discount (m7g)", value: "0.61", unit: "%" }],
          assumptions: ["Only node pools and accounts that already run some Spot count as eligible."],
          basis: ["observed"],
        },
      ),
      commitments: explained(
        big ? "2860.00" : null,
        "Commitment potential = Cost Explorer's Savings Plans recommendation on what remains",
        {
          basis: ["cost-explorer"],
        },
      ),
      total: explained(
        big ? "12290.00" : "610.00",
        "Total potential = Graviton, then Spot, then commitments, each on what remains",
      ),
    },
  };
}

const months = [
  "2025-11",
  "2025-12",
  "2026-01",
  "2026-02",
  "2026-03",
  "2026-04",
  "2026-05",
  "2026-06",
  "2026-07",
  "2026-08",
  "2026-09",
  "2026-10",
  "2026-11",
];

const trend: TrendMonth[] = months.map((month, i) => {
  const graviton = 4000 + i * 1500;
  const x86 = 36000 - i * 1200;
  const spot = i >= 6 ? (i - 5) * 1800 : 0;
  const total = graviton + x86 + 600;
  return {
    month,
    estimated: i === months.length - 1,
    byArchitecture: { graviton: `${graviton}.00`, x86: `${x86}.00`, other: "600.00" },
    byPurchaseOption: {
      on_demand: `${total - spot - 9000}.00`,
      spot: `${spot}.00`,
      reserved: "6000.00",
      savings_plans: "3000.00",
    },
    gravitonShare: (graviton / total).toFixed(4),
    spotShare: (spot / total).toFixed(4),
    realizedSavings: `${5000 + i * 1100}.00`,
  };
});

const reservation: CommitmentRow = {
  kind: "ri",
  commitmentId: "ri-0a1b2c3d4e5f",
  offering: "m5.xlarge, Linux, no upfront, 1 year",
  instanceCount: 8,
  hourlyCommitment: null,
  region: "eu-west-1",
  startsAt: "2026-01-15",
  endsAt: "2027-01-15",
  daysLeft: 44,
};

const breakdown = (key: string, label: string, spend: string, extra: Partial<BreakdownRow> = {}): BreakdownRow => ({
  key,
  label,
  ec2Spend: spend,
  gravitonShare: "0.41",
  spotShare: "0.22",
  realized: "4200.00",
  potential: "2100.00",
  esr: "0.31",
  drill: { table: "ec2", from: november.from, to: november.to, accountId: /^\d{12}$/.test(key) ? key : undefined },
  ...extra,
});

export const finopsFixture: FinOpsOverview = {
  source: {
    kind: "cost-explorer",
    note: "Cost Explorer for 12 accounts (net amortized cost).",
    otherProviders: [{ provider: "Microsoft", effectiveCost: "1820.40", billedCost: "1910.00" }],
  },
  filters: { period: "2026-11" },
  options: {
    periods: [mtd, november, period("2026-10", "October 2026", "2026-10-01", "2026-11-01")],
    ous: [
      { id: "ou-ab12-workloads", path: "/Workloads" },
      { id: "ou-ab12-prod", path: "/Workloads/Prod" },
    ],
    environments: ["prod", "staging", "dev"],
    accounts: [
      { accountId: "111111111111", name: "payments-prod" },
      { accountId: "222222222222", name: "checkout-staging" },
    ],
  },
  headline: headline(november, "1"),
  monthToDate: headline(mtd, "mtd"),
  trend,
  karpenterArrived: "2026-05",
  nodePools: [
    {
      nodePool: "general",
      spend: "14200.00",
      spotShare: "0.35",
      gravitonShare: "0.62",
      realizedSpotSavings: "5210.00",
      drill: { table: "nodepool", from: november.from, to: november.to, nodePool: "general" },
    },
    {
      nodePool: "batch",
      spend: "6100.00",
      spotShare: "0.80",
      gravitonShare: "0.15",
      realizedSpotSavings: "4660.25",
      drill: { table: "nodepool", from: november.from, to: november.to, nodePool: "batch" },
    },
    {
      nodePool: "",
      spend: "27910.55",
      spotShare: "0",
      gravitonShare: "0.21",
      realizedSpotSavings: null,
      drill: { table: "nodepool", from: november.from, to: november.to, nodePool: "" },
    },
  ],
  karpenterRiCallout: {
    karpenterSince: "2026-05",
    months: months.slice(6).map((month, i) => ({
      month,
      unusedRiCost: `${900 + i * 200}.00`,
      unusedRiHours: `${1200 + i * 260}`,
      utilisation: (0.8 - i * 0.05).toFixed(2),
    })),
    totalUnusedRiCost: "9500.00",
    reservations: [reservation],
  },
  commitments: {
    months: months.map((month, i) => ({
      month,
      riUtilisation: i < 6 ? "0.98" : (0.8 - (i - 6) * 0.05).toFixed(2),
      riCoverage: "0.21",
      spUtilisation: i < 3 ? null : "1",
      spCoverage: i < 3 ? null : "0.12",
      riUnused: i < 6 ? "40.00" : `${900 + (i - 6) * 200}.00`,
      spUnused: i < 3 ? null : "0.00",
    })),
    expiring: [reservation],
    recommendations: [
      {
        savingsPlansType: "COMPUTE_SP",
        termInYears: "ONE_YEAR",
        paymentOption: "NO_UPFRONT",
        lookbackDays: 30,
        hourlyCommitment: "3.25",
        estimatedMonthlySavings: "2860.00",
        estimatedSavingsPercentage: "0.18",
        generatedAt: "2026-12-02T05:00:00Z",
      },
    ],
  },
  byAccount: [
    breakdown("111111111111", "payments-prod", "21400.00"),
    breakdown("222222222222", "checkout-staging", "8100.00", { spotShare: null, realized: null, esr: "0.12" }),
  ],
  byOu: [breakdown("ou-ab12-workloads", "/Workloads", "48210.55")],
  byEnvironment: [breakdown("prod", "prod", "30110.55"), breakdown("staging", "staging", "18100.00", { potential: "900.00" })],
};
