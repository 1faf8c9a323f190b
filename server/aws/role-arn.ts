import { AppError } from "~/server/errors";

export interface RoleArn {
  partition: string;
  accountId: string;
  roleName: string;
  arn: string;
}

const ROLE_ARN = /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;

// Checks the shape before anything is sent to AWS, with a message that says what is wrong.
export function parseRoleArn(input: string): RoleArn {
  const arn = input.trim();
  const match = ROLE_ARN.exec(arn);
  if (match) return { partition: match[1]!, accountId: match[2]!, roleName: match[4]!, arn };
  if (!arn.startsWith("arn:")) {
    throw new AppError(
      "BAD_REQUEST",
      "A role ARN starts with “arn:aws:iam::”, e.g. arn:aws:iam::123456789012:role/LadderReadOnly.",
      "roleArn",
    );
  }
  const account = arn.split(":")[4] ?? "";
  if (!/^\d{12}$/.test(account)) {
    throw new AppError(
      "BAD_REQUEST",
      `“${account || "(empty)"}” is not an AWS account id: it must be exactly 12 digits.`,
      "roleArn",
    );
  }
  if (!/:role\//.test(arn)) {
    throw new AppError(
      "BAD_REQUEST",
      "That ARN is not an IAM role (it needs “:role/<name>”); paste the ARN of the role the stack created.",
      "roleArn",
    );
  }
  throw new AppError("BAD_REQUEST", "That role ARN is not well formed; copy it from the stack's Outputs tab.", "roleArn");
}
