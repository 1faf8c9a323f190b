import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { expect, it } from "vitest";
import { useAwsSimulator } from "~/server/test/aws-simulator";
import { DEFAULT_APP_PRINCIPAL } from "~/simulator/constants";
import { createAwsClient, sharedAgents } from "./clients";

useAwsSimulator({ demoRoles: false });

const credentials = { accessKeyId: DEFAULT_APP_PRINCIPAL.accessKeyId, secretAccessKey: DEFAULT_APP_PRINCIPAL.secretAccessKey };
const idleSockets = () => Object.values(sharedAgents.httpAgent.freeSockets).flat().length;
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

it("keeps connections open across clients, and a destroyed client leaves the others working", async () => {
  const first = createAwsClient("sts", { credentials });
  await first.send(new GetCallerIdentityCommand({}));
  first.destroy();
  await settle();
  expect(idleSockets()).toBeGreaterThan(0);

  const used = createAwsClient("sts", { credentials });
  await used.send(new GetCallerIdentityCommand({}));
  const second = createAwsClient("sts", { credentials });
  const inFlight = second.send(new GetCallerIdentityCommand({}));
  used.destroy();
  expect((await inFlight).Account).toMatch(/^\d{12}$/);
  second.destroy();
});
