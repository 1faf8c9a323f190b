import type { Env } from "~/server/env";

// `ladder start` on a database of its own (DATABASE_URL) is a deployment: several instances
// must share one signing secret, and sign-in links and OAuth callbacks need the address people
// use. Generating a secret per data folder, or guessing localhost, is for the embedded default.
export function missingProductionSettings(
  e: Pick<Env, "DATABASE_URL" | "NEXTAUTH_SECRET" | "NEXTAUTH_URL">,
  opts: { dev: boolean },
): string | undefined {
  if (opts.dev || !e.DATABASE_URL) return undefined;
  const missing = [
    !e.NEXTAUTH_SECRET &&
      "NEXTAUTH_SECRET (a random string of 32 or more characters, the same on every instance: `openssl rand -base64 32`)",
    !e.NEXTAUTH_URL && "NEXTAUTH_URL (the address people open, e.g. https://ladder.example.com)",
  ].filter(Boolean);
  if (!missing.length) return undefined;
  return `DATABASE_URL is set, so Ladder starts in production and needs ${missing.join(" and ")}: set ${missing.length > 1 ? "them" : "it"}, or run \`ladder start --dev\` to try it out.`;
}
