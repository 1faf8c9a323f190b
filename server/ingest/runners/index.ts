import type { SourceName, SourceRunner } from "../sources";
import { organizationRunner } from "./organization";

export const sourceRunners: Partial<Record<SourceName, SourceRunner>> = {
  organization: organizationRunner,
};
