import { AppError } from "~/server/errors";

export interface TemplateParams {
  externalId: string;
  appPrincipalArn: string;
  roleName: string;
  workspaceSlug: string;
  templateUrl?: string;
  region?: string;
}

export interface ResolvedTemplateParams {
  externalId: string;
  appPrincipalArn: string;
  roleName: string;
  workspaceSlug: string;
  templateUrl?: string;
  region: string;
  partition: string;
  appAccountId: string;
}

export const defaultRoleName = "LadderReadOnly";
export const defaultRegion = "us-east-1";

// The same shapes the template's AllowedPattern constraints enforce, checked here too so that a
// bad value fails in Ladder with a clear message instead of as a stack rollback in the console.
export const externalIdPattern = "[\\w+=,.@:/-]+";
export const externalIdMinLength = 32;
export const externalIdMaxLength = 1224;
export const principalArnPattern = "arn:aws[a-z-]*:iam::\\d{12}:(role|user)/[\\w+=,.@/-]+";
export const roleNamePattern = "[\\w+=,.@-]{1,64}";

const PRINCIPAL_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):(?:role|user)\/[\w+=,.@/-]+$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d$/;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+@-]{0,256}$/u;

export function resolveTemplateParams(p: TemplateParams): ResolvedTemplateParams {
  const { externalId, appPrincipalArn, workspaceSlug } = p;
  const roleName = p.roleName || defaultRoleName;
  const region = p.region || defaultRegion;

  if (externalId.length < externalIdMinLength || externalId.length > externalIdMaxLength) {
    throw new AppError(
      "BAD_REQUEST",
      `The External ID must be ${externalIdMinLength} to ${externalIdMaxLength} characters long.`,
      "externalId",
    );
  }
  if (!new RegExp(`^${externalIdPattern}$`).test(externalId)) {
    throw new AppError("BAD_REQUEST", "The External ID may only contain letters, digits and + = , . @ : / - _.", "externalId");
  }
  const principal = PRINCIPAL_ARN.exec(appPrincipalArn);
  if (!principal) {
    throw new AppError(
      "BAD_REQUEST",
      "Ladder's principal must be an IAM role or user ARN, e.g. arn:aws:iam::111122223333:role/ladder-app.",
      "appPrincipalArn",
    );
  }
  if (!new RegExp(`^${roleNamePattern}$`).test(roleName)) {
    throw new AppError("BAD_REQUEST", "A role name has 1 to 64 letters, digits or + = , . @ - _.", "roleName");
  }
  if (!TAG_VALUE.test(workspaceSlug)) {
    throw new AppError("BAD_REQUEST", "The workspace address cannot be used as an AWS tag value.", "workspaceSlug");
  }
  if (!REGION.test(region)) {
    throw new AppError("BAD_REQUEST", `“${region}” is not an AWS region name like us-east-1.`, "region");
  }
  if (p.templateUrl !== undefined && !isHttpsUrl(p.templateUrl)) {
    throw new AppError("BAD_REQUEST", "The template URL must be a public https:// address.", "templateUrl");
  }

  return {
    externalId,
    appPrincipalArn,
    roleName,
    workspaceSlug,
    templateUrl: p.templateUrl,
    region,
    partition: principal[1]!,
    appAccountId: principal[2]!,
  };
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}
