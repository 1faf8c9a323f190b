import type { inferRouterOutputs } from "@trpc/server";
import type { Environment } from "~/generated/prisma/enums";
import type { AppRouter } from "~/server/api/root";
import type { Capability } from "~/server/aws/permissions";
import type { ProbeResult } from "~/server/aws/probes";

export type { Capability, Environment, ProbeResult };
type RouterOutputs = inferRouterOutputs<AppRouter>;
export type AccountRow = RouterOutputs["accounts"]["list"][number];
export type CapabilitySpecs = RouterOutputs["accounts"]["capabilities"];
export type Onboarding = RouterOutputs["accounts"]["onboarding"];
export type OnboardingAccount = Onboarding["account"];
export type ReadyArtifacts = Extract<Onboarding["artifacts"], { ready: true }>;
export type DiscoveredMembers = RouterOutputs["accounts"]["discoverMembers"];
export type DiscoveredMember = DiscoveredMembers["accounts"][number];
export type MemberResult = RouterOutputs["accounts"]["connectMembers"][number];
export type AccountKind = "account" | "organization";
