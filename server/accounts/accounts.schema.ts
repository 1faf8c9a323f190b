import { z } from "zod";
import { workspaceInput } from "~/server/workspaces/workspaces.schema";

export const environmentSchema = z.enum(["prod", "staging", "dev", "sandbox"], {
  error: () => "Choose prod, staging, dev or sandbox.",
});

const accountRef = workspaceInput.extend({ accountRef: z.string().min(1) });

export const startOnboardingInput = workspaceInput.extend({ kind: z.enum(["account", "organization"]) });
export const onboardingInput = accountRef;
export const connectAccountInput = accountRef.extend({
  roleArn: z.string().trim().min(1, "Paste the role ARN from the stack's Outputs tab.").max(2048),
});
export const connectMembersInput = workspaceInput.extend({
  organizationRef: z.string().min(1),
  accountIds: z
    .array(z.string().regex(/^\d{12}$/, "An AWS account id has 12 digits."))
    .min(1, "Pick at least one account.")
    .max(5000),
  roleName: z
    .string()
    .trim()
    .regex(/^[\w+=,.@-]{1,64}$/, "Use the role name the StackSet created, e.g. LadderReadOnly."),
});
export const setEnvironmentInput = accountRef.extend({ environment: environmentSchema.nullable() });
export const removeAccountInput = accountRef.extend({
  confirmAccountId: z.string().trim().min(1, "Type the account id to confirm."),
});
