import { appPrincipalArn } from "~/server/aws/app-identity";
import { readOnlyActions } from "~/server/aws/permissions";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import {
  cloudFormationTemplate,
  defaultRoleName,
  quickCreateUrl,
  stackSetInstructions,
  terraformSnippet,
  type TemplateParams,
} from "./templates";

export type OnboardingArtifacts =
  | {
      ready: true;
      principalArn: string;
      roleName: string;
      actions: string[];
      cloudFormation: string;
      terraform: string;
      // Null until the operator hosts the template in S3 (LADDER_TEMPLATE_URL): the console
      // accepts quick-create links only for S3 URLs.
      quickCreateUrl: string | null;
      stackSet: string | null;
    }
  | { ready: false; problem: string };

// Everything the user needs to create the read-only role for one External ID.
export async function onboardingArtifacts(opts: {
  externalId: string;
  kind: "account" | "organization";
  workspaceSlug: string;
}): Promise<OnboardingArtifacts> {
  let principalArn: string;
  try {
    principalArn = await appPrincipalArn();
  } catch (error) {
    if (error instanceof AppError) return { ready: false, problem: error.message };
    throw error;
  }
  const templateUrl = env().LADDER_TEMPLATE_URL;
  const params: TemplateParams = {
    externalId: opts.externalId,
    appPrincipalArn: principalArn,
    roleName: defaultRoleName,
    workspaceSlug: opts.workspaceSlug,
    templateUrl,
  };
  return {
    ready: true,
    principalArn,
    roleName: defaultRoleName,
    actions: readOnlyActions,
    cloudFormation: cloudFormationTemplate(params),
    terraform: terraformSnippet(params),
    quickCreateUrl: templateUrl ? quickCreateUrl({ ...params, templateUrl }) : null,
    stackSet: opts.kind === "organization" ? stackSetInstructions(params) : null,
  };
}
