import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { Role } from "~/generated/prisma/enums";
import { hasBearerToken } from "~/server/auth/csrf";
import { hasRole } from "~/server/auth/roles";
import { getSessionUser, type SessionUser } from "~/server/auth/session";
import { env } from "~/server/env";
import { metrics, secondsSince } from "~/server/telemetry/metrics";
import { withSpan } from "~/server/telemetry/spans";
import { findMembership } from "~/server/workspaces/workspaces.service";
import { workspaceInput } from "~/server/workspaces/workspaces.schema";
import { errorData, publicMessage, retryAfterSeconds, toTRPCError } from "./errors";

export interface TRPCContextOptions {
  headers: Headers;
  // Present for HTTP requests (not for server components), so sign-in can set its cookie.
  resHeaders?: Headers;
}

// The app's API is authenticated by the session cookie alone. A request that carries an API token
// is refused rather than served from the cookie beside it: its sender expects the token to count,
// and a cookie must never authenticate a request that looks token-authenticated (the CSRF check
// once skipped such requests). Other schemes (Basic, from a proxy in front of Ladder) pass.
export async function createTRPCContext(opts: TRPCContextOptions) {
  if (hasBearerToken(opts.headers)) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message:
        "API tokens work with the REST API under /api/v1/; the app's own API takes a signed-in session. Send this request without the Authorization header.",
    });
  }
  const user = await getSessionUser(opts.headers);
  return { headers: opts.headers, resHeaders: opts.resHeaders, user };
}

export type TRPCContext = Awaited<ReturnType<typeof createTRPCContext>>;

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter: ({ shape, error }) => ({
    ...shape,
    message: publicMessage(error, env().NODE_ENV === "production"),
    data: { ...shape.data, stack: undefined, ...errorData(error) },
  }),
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

const mapErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error);
    const retryAfter = retryAfterSeconds(mapped ?? result.error);
    if (retryAfter !== undefined) ctx.resHeaders?.set("Retry-After", String(retryAfter));
    if (mapped) throw mapped;
  }
  return result;
});

// A span and a duration per procedure call, named by its path; outside mapErrors, so both see
// the error code the caller gets.
const observe = t.middleware(({ path, type, next }) => {
  const start = process.hrtime.bigint();
  const attributes = { "rpc.system": "trpc", "rpc.method": path, "trpc.type": type };
  return withSpan(`trpc ${path}`, { attributes }, async (span) => {
    const result = await next();
    if (!result.ok) span.setAttribute("trpc.error_code", result.error.code);
    const outcome = result.ok ? "ok" : result.error.code;
    metrics().procedureDuration.observe({ procedure: path, type, result: outcome }, secondsSince(start));
    return result;
  });
});

export const publicProcedure = t.procedure.use(observe).use(mapErrors);

export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended. Sign in again." });
  return next({ ctx: { ...ctx, user: ctx.user as SessionUser } });
});

// A member of the workspace named by `input.workspace`, with at least `minimum` role.
// Non-members get NOT_FOUND, so workspace slugs cannot be probed.
export function workspaceProcedure(minimum: Role) {
  return signedInProcedure.input(workspaceInput).use(async ({ ctx, input, next }) => {
    const membership = await findMembership({ userId: ctx.user.id, slug: input.workspace });
    if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: "That workspace was not found." });
    if (!hasRole(membership.role, minimum)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `This needs the ${minimum} role or higher; you are a ${membership.role} in ${membership.workspace.name}.`,
      });
    }
    return next({
      ctx: {
        ...ctx,
        workspace: membership.workspace,
        role: membership.role,
        actor: { userId: ctx.user.id },
      },
    });
  });
}
