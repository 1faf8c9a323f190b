import { AppError } from "~/server/errors";
import { stackParameterValues } from "./cloudformation";
import { resolveTemplateParams, type TemplateParams } from "./template-params";

const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;

export function defaultStackName(workspaceSlug: string): string {
  const slug = workspaceSlug.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
  return `ladder-read-only${slug ? `-${slug}` : ""}`.slice(0, 128).replace(/-+$/, "");
}

// The console reads the quick-create parameters from the fragment, as a query string after
// "#/stacks/quickcreate?"; encodeURIComponent rather than URLSearchParams so a space can never
// turn into a "+" the console might keep. The user still ticks the IAM acknowledgement.
export function quickCreateUrl(p: TemplateParams & { templateUrl: string; stackName?: string }): string {
  const r = resolveTemplateParams(p);
  const stackName = p.stackName || defaultStackName(r.workspaceSlug);
  if (!STACK_NAME.test(stackName)) {
    throw new AppError("BAD_REQUEST", "A stack name starts with a letter and has only letters, digits and dashes.", "stackName");
  }
  const query: [string, string][] = [
    ["templateURL", p.templateUrl],
    ["stackName", stackName],
    ...Object.entries(stackParameterValues(p)).map(([name, value]): [string, string] => [`param_${name}`, value]),
  ];
  const region = encodeURIComponent(r.region);
  const fragment = query.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join("&");
  return `https://${region}.console.aws.amazon.com/cloudformation/home?region=${region}#/stacks/quickcreate?${fragment}`;
}
