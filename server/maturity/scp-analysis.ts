// Reads SCP documents the way the checks need: which actions a Deny covers, and whether it
// carves out a principal. Wildcards follow IAM: "*" and "?" within one action name.

export interface Statement {
  effect: string;
  actions: string[] | null;
  notActions: string[] | null;
  condition: Record<string, Record<string, unknown>>;
}

const asList = (value: unknown): string[] | null =>
  typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : null;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function statementsOf(document: unknown): Statement[] {
  const parsed = typeof document === "string" ? safeParse(document) : document;
  if (!isRecord(parsed)) return [];
  const raw = Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
  return raw.filter(isRecord).map((s) => ({
    effect: typeof s.Effect === "string" ? s.Effect : "",
    actions: asList(s.Action),
    notActions: asList(s.NotAction),
    condition: isRecord(s.Condition)
      ? Object.fromEntries(Object.entries(s.Condition).filter((e): e is [string, Record<string, unknown>] => isRecord(e[1])))
      : {},
  }));
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function matches(pattern: string, action: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "i",
  );
  return regex.test(action);
}

/** Whether the statement's action list covers the action (NotAction covers what it omits). */
export function covers(statement: Statement, action: string): boolean {
  if (statement.actions) return statement.actions.some((p) => matches(p, action));
  if (statement.notActions) return !statement.notActions.some((p) => matches(p, action));
  return false;
}

export const isDeny = (s: Statement) => s.effect.toLowerCase() === "deny";

const conditionKeys = (s: Statement): string[] => Object.values(s.condition).flatMap((block) => Object.keys(block));

/** A Deny that names its own exemption: a principal (role, tag, user id) it does not apply to. */
export function exemptsPrincipal(s: Statement): boolean {
  return conditionKeys(s).some((k) => /^aws:(PrincipalArn|PrincipalTag\/|userid|PrincipalAccount)/i.test(k));
}

/** Deny unless the request targets an approved region. */
export function restrictsRegions(s: Statement): boolean {
  if (!isDeny(s)) return false;
  return Object.entries(s.condition).some(
    ([operator, block]) => /^StringNotEquals(IgnoreCase)?$|^StringNotLike$/i.test(operator) && "aws:RequestedRegion" in block,
  );
}

export const TRAIL_TAMPER_ACTIONS = ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"];

/** The actions an incident responder may need to mint credentials or regain access. */
export const BREAK_GLASS_ACTIONS = [
  "iam:CreateAccessKey",
  "iam:CreateUser",
  "iam:CreateLoginProfile",
  "iam:UpdateAssumeRolePolicy",
  "sts:AssumeRole",
];
