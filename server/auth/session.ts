import { env } from "~/server/env";
import { findUserBySession } from "~/server/users/users.service";

// next-auth's cookie names: the __Secure- prefix is used when the site is served over https.
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

export function sessionCookieName(): string {
  return env().NEXTAUTH_URL?.startsWith("https://") ? SESSION_COOKIES[0] : SESSION_COOKIES[1];
}

export function readSessionToken(cookieHeader: string | null): string | undefined {
  if (!cookieHeader) return undefined;
  const cookies = new Map(
    cookieHeader.split(";").map((part) => {
      const at = part.indexOf("=");
      return [part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim())] as const;
    }),
  );
  for (const name of SESSION_COOKIES) {
    const value = cookies.get(name);
    if (value) return value;
  }
  return undefined;
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof findUserBySession>>>;

export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  const token = readSessionToken(headers.get("cookie"));
  return token ? findUserBySession(token) : null;
}
