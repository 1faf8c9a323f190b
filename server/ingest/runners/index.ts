import type { SourceName, SourceRunner } from "../sources";
import { costRunner } from "./cost";
import { organizationRunner } from "./organization";

export const sourceRunners: Partial<Record<SourceName, SourceRunner>> = {
  organization: organizationRunner,
  cost: costRunner,
};
