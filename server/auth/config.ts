import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { AuthOptions } from "next-auth";
import { db } from "~/server/db";
import { env } from "~/server/env";
import { oauthProviders } from "./providers";

// OAuth/OIDC sign-in through next-auth, with sessions stored in Postgres by the Prisma adapter.
// The adapter is typed against `@prisma/client`; the generated Prisma 7 client has the same
// delegates, so the cast is only for the compiler.
export function authOptions(): AuthOptions {
  const e = env();
  return {
    adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]),
    providers: oauthProviders(e),
    secret: e.NEXTAUTH_SECRET,
    session: { strategy: "database", maxAge: e.LADDER_SESSION_DAYS * 86_400 },
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: {
      // Addresses are compared in lower case everywhere (invitations, members).
      signIn: ({ user }) => Boolean(user.email),
    },
    events: {
      createUser: async ({ user }) => {
        if (user.email && user.email !== user.email.toLowerCase()) {
          await db.user.update({ where: { id: user.id }, data: { email: user.email.toLowerCase() } });
        }
      },
    },
  };
}
