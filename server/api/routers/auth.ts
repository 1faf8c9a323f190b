import { TRPCError } from "@trpc/server";
import { clientAddress } from "~/server/auth/client-address";
import { clearedSessionCookie, sessionCookie } from "~/server/auth/cookies";
import { providerSummaries } from "~/server/auth/providers";
import { readSessionToken } from "~/server/auth/session";
import { env, isLocalLoginAllowed } from "~/server/env";
import { createOwnerInput, registerInvitedInput, signInInput } from "~/server/users/users.schema";
import {
  createFirstOwner,
  createSession,
  deleteSession,
  hasAnyUser,
  registerInvitedUser,
  verifyLocalCredentials,
} from "~/server/users/users.service";
import { createTRPCRouter, publicProcedure, type TRPCContext } from "../trpc";

function requireLocalLogin() {
  if (!isLocalLoginAllowed()) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Password sign-in is turned off in production. Use single sign-on, or set LADDER_ALLOW_LOCAL_LOGIN=1.",
    });
  }
}

async function startSession(ctx: TRPCContext, userId: string) {
  const session = await createSession({ userId });
  ctx.resHeaders?.append("Set-Cookie", sessionCookie(session.sessionToken, session.expires));
}

export const authRouter = createTRPCRouter({
  // What the sign-in page offers: first-run owner set-up, password sign-in, OAuth providers.
  options: publicProcedure.query(async () => ({
    localLogin: isLocalLoginAllowed(),
    needsOwner: isLocalLoginAllowed() && !(await hasAnyUser()),
    providers: providerSummaries(env()),
  })),

  me: publicProcedure.query(({ ctx }) => ctx.user),

  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    requireLocalLogin();
    const user = await verifyLocalCredentials({ ...input, address: clientAddress(ctx.headers) });
    await startSession(ctx, user.id);
    return { userId: user.id };
  }),

  createOwner: publicProcedure.input(createOwnerInput).mutation(async ({ ctx, input }) => {
    requireLocalLogin();
    const user = await createFirstOwner(input);
    await startSession(ctx, user.id);
    return { userId: user.id };
  }),

  registerInvited: publicProcedure.input(registerInvitedInput).mutation(async ({ ctx, input }) => {
    requireLocalLogin();
    const { user, workspace } = await registerInvitedUser(input);
    await startSession(ctx, user.id);
    return { userId: user.id, workspace };
  }),

  signOut: publicProcedure.mutation(async ({ ctx }) => {
    const token = readSessionToken(ctx.headers.get("cookie"));
    if (token) await deleteSession(token);
    ctx.resHeaders?.append("Set-Cookie", clearedSessionCookie());
    return { ok: true };
  }),
});
