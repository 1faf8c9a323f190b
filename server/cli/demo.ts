import { DEFAULT_APP_PRINCIPAL, DEFAULT_PORT, DEFAULT_REGION, startSimulator } from "~/simulator";

// The demo organisation: on the embedded default (unless LADDER_DEMO=0 or AWS_ENDPOINT_URL is
// already set), or wherever LADDER_DEMO=1, the AWS simulator runs beside the app and the
// app's AWS SDK clients are pointed at it with the ordinary AWS_* variables.
export async function startDemoSimulator(isEmbedded: boolean, log: (line: string) => void) {
  const wanted = process.env.LADDER_DEMO;
  const isOn = wanted === "1" || (wanted === undefined && isEmbedded && !process.env.AWS_ENDPOINT_URL);
  if (!isOn) return undefined;
  const port = Number(process.env.LADDER_SIM_PORT ?? DEFAULT_PORT);
  try {
    const sim = await startSimulator({ port });
    log(
      `Demo AWS organisation (simulated, ${sim.state.organization.accounts.length} accounts) on ${sim.url}; set LADDER_DEMO=0 to use real AWS.`,
    );
    return {
      close: () => sim.close(),
      env: {
        AWS_ENDPOINT_URL: sim.url,
        AWS_ACCESS_KEY_ID: DEFAULT_APP_PRINCIPAL.accessKeyId,
        AWS_SECRET_ACCESS_KEY: DEFAULT_APP_PRINCIPAL.secretAccessKey,
        AWS_REGION: DEFAULT_REGION,
        LADDER_DEMO: "1",
        LADDER_SIM_CONTROL_URL: sim.url,
      },
    };
  } catch (error) {
    log(
      `The demo AWS simulator could not start on port ${port} (${(error as Error).message}); set LADDER_SIM_PORT. Continuing without the demo.`,
    );
    return undefined;
  }
}

// The simulator keeps no state between starts: "deploy" the demo stacks again for every demo
// organisation the database remembers, with the External IDs those workspaces were given.
export async function redeployDemoStacks(simulatorUrl: string): Promise<void> {
  const { db } = await import("~/server/db");
  const { defaultRoleName } = await import("~/server/accounts/templates");
  const managements = await db.awsAccount.findMany({
    where: { isDemo: true, kind: "organization" },
    select: { externalId: true },
  });
  for (const { externalId } of managements) {
    await fetch(`${simulatorUrl}/_simulator/stacks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ externalId, roleName: defaultRoleName }),
    });
  }
}
