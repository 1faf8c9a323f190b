import { z } from "zod";
import { emailSchema } from "~/server/workspaces/workspaces.schema";

export const passwordSchema = z
  .string()
  .min(12, "Use at least 12 characters for the password.")
  .max(200, "Keep the password under 200 characters.");

export const signInInput = z.object({ email: emailSchema, password: z.string().min(1, "Enter your password.") });
export const createOwnerInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(80),
  email: emailSchema,
  password: passwordSchema,
});
export const registerInvitedInput = z.object({
  token: z.string().min(10).max(200),
  name: z.string().trim().min(1, "Enter your name.").max(80),
  password: passwordSchema,
});
