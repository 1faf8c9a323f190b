import type { SourceName, SourceRunner } from "../sources";
import { chaosRunner, deliveryRunner, incidentsRunner, scansRunner, tracingRunner } from "./account-sources";
import { costRunner } from "./cost";
import { organizationRunner } from "./organization";

export const sourceRunners: Record<SourceName, SourceRunner> = {
  organization: organizationRunner,
  cost: costRunner,
  scans: scansRunner,
  chaos: chaosRunner,
  incidents: incidentsRunner,
  delivery: deliveryRunner,
  tracing: tracingRunner,
};
