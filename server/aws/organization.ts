import {
  DescribeOrganizationCommand,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListRoots,
  type OrganizationsClient,
} from "@aws-sdk/client-organizations";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { createAwsClient } from "./clients";

export interface OrganizationAccount {
  accountId: string;
  name: string;
  email: string;
  status: string;
  // "/Workloads/Prod"; "/" for accounts directly in the root.
  ouPath: string;
}

export interface OrganizationTree {
  organizationId: string;
  managementAccountId: string;
  accounts: OrganizationAccount[];
}

type Credentials = AwsCredentialIdentityProvider | { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

// Walks the OU tree from the root so every account comes with its OU path.
export async function readOrganizationTree(credentials: Credentials): Promise<OrganizationTree> {
  const client = createAwsClient("organizations", { credentials });
  try {
    const { Organization } = await client.send(new DescribeOrganizationCommand({}));
    const accounts: OrganizationAccount[] = [];
    for await (const page of paginateListRoots({ client }, {})) {
      for (const root of page.Roots ?? []) await walk(client, root.Id!, "", accounts);
    }
    return { organizationId: Organization?.Id ?? "", managementAccountId: Organization?.MasterAccountId ?? "", accounts };
  } finally {
    client.destroy();
  }
}

async function walk(client: OrganizationsClient, parentId: string, path: string, into: OrganizationAccount[]): Promise<void> {
  for await (const page of paginateListAccountsForParent({ client }, { ParentId: parentId })) {
    for (const a of page.Accounts ?? []) {
      into.push({
        accountId: a.Id ?? "",
        name: a.Name ?? "",
        email: a.Email ?? "",
        status: a.Status ?? a.State ?? "",
        ouPath: path || "/",
      });
    }
  }
  for await (const page of paginateListOrganizationalUnitsForParent({ client }, { ParentId: parentId })) {
    for (const ou of page.OrganizationalUnits ?? []) await walk(client, ou.Id!, `${path}/${ou.Name ?? ou.Id}`, into);
  }
}
