import type { Environment } from "~/generated/prisma/enums";

const rules: [RegExp, Environment][] = [
  [/\b(prod|production|prd|live)\b/i, "prod"],
  [/\b(staging|stage|stg|preprod|uat)\b/i, "staging"],
  [/\b(dev|development|test|testing|qa)\b/i, "dev"],
  [/\b(sandbox|sandboxes|playground|experiment(s|al)?)\b/i, "sandbox"],
];

// The deepest OU that names an environment wins: /Workloads/Prod → prod. Security and
// infrastructure OUs name none, and people set those by hand.
export function inferEnvironment(ouPath: string | null | undefined): Environment | null {
  if (!ouPath) return null;
  const segments = ouPath.split("/").filter(Boolean).reverse();
  for (const segment of segments) {
    for (const [pattern, environment] of rules) if (pattern.test(segment.replace(/[-_]/g, " "))) return environment;
  }
  return null;
}
