import type { TemplateParams } from "./template-params";

// An External ID using every character the AllowedPattern admits, so escaping is exercised.
export const sampleParams: TemplateParams = {
  externalId: "Zx9_+=,.@:/-" + "a1b2c3d4e5f6a7b8c9d0e1f2",
  appPrincipalArn: "arn:aws:iam::111122223333:role/ladder/ladder-app",
  roleName: "LadderReadOnly",
  workspaceSlug: "acme-platform",
  templateUrl: "https://templates.ladder.example/v3/ladder read-only.yaml?version=3&x=+",
};
