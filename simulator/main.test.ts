import { describe, expect, it } from "vitest";
import { runSimulatorCli } from "./main";

describe("runSimulatorCli", () => {
  it("starts from environment variables and prints how to connect", async () => {
    const printed: string[] = [];
    const sim = await runSimulatorCli({ LADDER_SIM_PORT: "0", LADDER_SIM_SEED: "3", LADDER_SIM_SIZE: "8" }, (t) =>
      printed.push(t),
    );
    try {
      expect(sim.state.organization.accounts).toHaveLength(8);
      expect(printed.join("\n")).toContain(`AWS_ENDPOINT_URL=${sim.url}`);
      expect(printed.join("\n")).toContain(`arn:aws:iam::${sim.state.managementAccountId}:role/LadderReadOnly`);
    } finally {
      process.removeAllListeners("SIGINT");
      process.removeAllListeners("SIGTERM");
      await sim.close();
    }
  });

  it("rejects a malformed port", async () => {
    await expect(runSimulatorCli({ LADDER_SIM_PORT: "abc" }, () => undefined)).rejects.toThrow("LADDER_SIM_PORT");
  });
});
