import type { Provider } from "next-auth/providers/index";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { Env } from "~/server/env";

// Each provider is switched on by its environment variables; none is on by default.
export function oauthProviders(e: Env): Provider[] {
  const providers: Provider[] = [];
  if (e.GITHUB_ID && e.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET }));
  }
  if (e.GOOGLE_ID && e.GOOGLE_SECRET) {
    providers.push(GoogleProvider({ clientId: e.GOOGLE_ID, clientSecret: e.GOOGLE_SECRET }));
  }
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: e.OIDC_NAME,
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile: (profile: { sub: string; name?: string; email: string; picture?: string }) => ({
        id: profile.sub,
        name: profile.name ?? profile.email,
        email: profile.email,
        image: profile.picture ?? null,
      }),
    });
  }
  return providers;
}

export function providerSummaries(e: Env): { id: string; name: string }[] {
  return oauthProviders(e).map((p) => ({ id: p.id, name: p.name }));
}
