import { z } from "zod";

// The one reader of process.env. Every variable the app understands is listed here and in
// the README's configuration table.
const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  LADDER_PG_PORT: z.coerce.number().int().positive().default(54329),
  LADDER_DATA_DIR: z.string().default(".data"),
  // As root in a folder the "postgres" user cannot enter: where the embedded PostgreSQL's
  // binaries and data go instead (server/db/postgres-as-root.ts; default /var/lib/ladder).
  LADDER_PG_SHARED_DIR: z.string().optional(),
  LADDER_ALLOW_LOCAL_LOGIN: flag,
  NEXTAUTH_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  LADDER_SESSION_DAYS: z.coerce.number().int().positive().default(30),
  GITHUB_ID: z.string().optional(),
  GITHUB_SECRET: z.string().optional(),
  GOOGLE_ID: z.string().optional(),
  GOOGLE_SECRET: z.string().optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default("Single sign-on"),
  // The IAM principal customers' roles must trust; read from STS when not given.
  LADDER_AWS_PRINCIPAL_ARN: z
    .string()
    .regex(/^arn:aws[\w-]*:(iam|sts)::\d{12}:/, "must be an IAM or STS ARN")
    .optional(),
  // An S3 copy of the role template, for CloudFormation quick-create links.
  LADDER_TEMPLATE_URL: z.string().url().optional(),
  // Set by `npm start` when it runs the AWS simulator for the demo organisation.
  LADDER_DEMO: flag,
  LADDER_SIM_CONTROL_URL: z.string().url().optional(),
  // The largest report accepted, as sent and once decompressed; larger requests get 413 unread.
  LADDER_UPLOAD_MAX_MB: z.coerce.number().positive().max(4096).default(100),
  // Reports up to this size are read while the request waits (201); larger ones by a worker (202).
  LADDER_UPLOAD_INLINE_MB: z.coerce.number().min(0).max(256).default(32),
  // Failed password sign-ins: at most this many per email and per client address in a window;
  // the email or address is then refused for the lockout (server/limits/sign-in-throttle.ts).
  LADDER_SIGNIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().positive().default(5),
  LADDER_SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  LADDER_SIGNIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  LADDER_SIGNIN_LOCKOUT_MINUTES: z.coerce.number().int().positive().default(15),
  // Reverse proxies in front of the app that append to X-Forwarded-For; the client address is
  // the entry this many places from the right (server/auth/client-address.ts).
  LADDER_TRUSTED_PROXY_HOPS: z.coerce.number().int().positive().max(10).default(1),
  // Requests per API token per hour (server/limits/token-limits.ts).
  LADDER_TOKEN_UPLOADS_PER_HOUR: z.coerce.number().int().positive().default(120),
  LADDER_TOKEN_EXPORTS_PER_HOUR: z.coerce.number().int().positive().default(60),
  // How long `ladder start` and `ladder worker` take to stop on SIGTERM before they are killed.
  LADDER_SHUTDOWN_GRACE_SECONDS: z.coerce.number().positive().max(3600).default(30),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
      throw new Error(`Invalid environment:\n${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

// Tests that change process.env call this so the next env() reads it again.
export function resetEnvCache(): void {
  cached = undefined;
}

export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set; start the app with `npm start`, which provides one.");
  return url;
}

// Local (password) sign-in exists for the embedded default; production deployments must opt in.
export function isLocalLoginAllowed(e: Pick<Env, "NODE_ENV" | "LADDER_ALLOW_LOCAL_LOGIN"> = env()): boolean {
  return e.NODE_ENV !== "production" || e.LADDER_ALLOW_LOCAL_LOGIN;
}
