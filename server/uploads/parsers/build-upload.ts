import { fingerprintOf } from "./fingerprint";
import type { Finding, FindingDraft, Severity, UploadSummary } from "./upload-types";

// Counts what a report holds and gives each finding its fingerprint, one record at a time, so
// a report of a million findings is never held whole.
export class UploadTally {
  private readonly bySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0, unknown: 0 };
  private findings = 0;
  private failed = 0;
  private passed = 0;
  private components = 0;
  private incidents = 0;
  private deployments = 0;
  private repeats = 0;
  // Some tools report the same rule at the same place twice (for example one CVE found in two
  // image layers). Numbering repeats in file order keeps every fingerprint distinct and still
  // stable from one upload to the next. Keyed by the fingerprint's first 52 bits (a number, not
  // a 64-character string): a million findings cost tens of megabytes, not hundreds.
  private readonly seen = new Map<number, number>();

  constructor(private readonly toolName: string) {}

  finding(draft: FindingDraft): Finding {
    const base = fingerprintOf(this.toolName, draft);
    const key = Number.parseInt(base.slice(0, 13), 16);
    const count = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, count);
    if (count > 1) this.repeats++;
    this.findings++;
    if (draft.status === "failed") {
      this.failed++;
      this.bySeverity[draft.severity]++;
    } else if (draft.status === "passed") this.passed++;
    return { fingerprint: count === 1 ? base : `${base}-${count}`, ...draft };
  }

  component(): void {
    this.components++;
  }

  incident(): void {
    this.incidents++;
  }

  deployment(): void {
    this.deployments++;
  }

  summary(): UploadSummary {
    return {
      findings: this.findings,
      failed: this.failed,
      passed: this.passed,
      bySeverity: { ...this.bySeverity },
      components: this.components,
      incidents: this.incidents,
      deployments: this.deployments,
    };
  }

  warnings(): string[] {
    return this.repeats > 0
      ? [`${this.repeats} finding(s) repeat an earlier one (same rule, location and package); they were kept and numbered.`]
      : [];
  }
}
