import NextAuth from "next-auth";
import { authOptions } from "~/server/auth/config";

const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) =>
  // next-auth v4's App Router handler reads params synchronously.
  ctx.params.then((params) => (NextAuth(authOptions()) as (r: Request, c: unknown) => Promise<Response>)(req, { params }));

export { handler as GET, handler as POST };
