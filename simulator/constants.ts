/** The Ladder app's own long-term keys as the simulator knows them; tests and the demo sign with these. */
export const DEFAULT_APP_PRINCIPAL = {
  accessKeyId: "AKIALADDERSIMAPP0001",
  secretAccessKey: "ladder-simulator/app-principal/secret-key-01",
  arn: "arn:aws:iam::111122223333:user/ladder-app",
} as const;

export const DEFAULT_REGION = "us-east-1";

/** Role the demo organisation has in every account, and the External ID it trusts. */
export const DEMO_ROLE_NAME = "LadderReadOnly";
export const DEMO_EXTERNAL_ID = "ladder-demo-external-id-7f3c9a";

export const DEFAULT_SEED = 20260;
export const DEFAULT_SIZE = 12;
export const DEFAULT_PORT = 4566;

export const MIN_SESSION_SECONDS = 900;
export const MAX_SESSION_SECONDS = 43_200;
