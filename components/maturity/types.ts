import type { CheckLevel, Level, PracticeId, Stage } from "~/server/maturity/catalogue/types";
import type { Environment } from "~/server/maturity/evidence";
import type { NextStep } from "~/server/maturity/next-steps";
import type { CheckStatus } from "~/server/maturity/results";
import type {
  AccountRef,
  AccountView,
  AttestationView,
  ChangeCause,
  ChangesSince,
  CheckChange,
  CheckInfo,
  ClaimScopeView,
  EvidenceRow,
  FilterOptions,
  Overview,
  PracticeCheckView,
  PracticeSummary,
  PracticeView,
  ResultCell,
  ResultDetail,
  ScopeInput,
  Trend,
  TrendPoint,
  WaiverView,
} from "~/server/maturity/views/types";

export type {
  AccountRef,
  AccountView,
  AttestationView,
  ChangeCause,
  ChangesSince,
  CheckChange,
  CheckInfo,
  CheckLevel,
  CheckStatus,
  ClaimScopeView,
  Environment,
  EvidenceRow,
  FilterOptions,
  Level,
  NextStep,
  Overview,
  PracticeCheckView,
  PracticeId,
  PracticeSummary,
  PracticeView,
  ResultCell,
  ResultDetail,
  ScopeInput,
  Stage,
  Trend,
  TrendPoint,
  WaiverView,
};

// What the server page decided about the caller, so client code repeats no role rules.
export interface ClaimPermissions {
  /** Editors and above attest and request waivers. */
  canClaim: boolean;
  /** Admins and owners approve and revoke waivers, each one requested by someone else. */
  canApprove: boolean;
  /** The workspace lets an admin approve their own waiver (an owner's setting): it applies at once. */
  canApproveOwn: boolean;
}
