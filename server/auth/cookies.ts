import { sessionCookieName } from "./session";

export function sessionCookie(token: string, expires: Date): string {
  const secure = sessionCookieName().startsWith("__Secure-") ? "; Secure" : "";
  return `${sessionCookieName()}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax; Expires=${expires.toUTCString()}${secure}`;
}

export function clearedSessionCookie(): string {
  return sessionCookie("", new Date(0));
}
