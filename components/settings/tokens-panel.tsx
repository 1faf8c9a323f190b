"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { CreateTokenForm } from "./create-token-form";
import { TokensTable } from "./tokens-table";
import type { Role } from "./types";

export function TokensPanel({
  workspace,
  tokenRoles,
  roleDescriptions,
}: {
  workspace: string;
  tokenRoles: Role[];
  roleDescriptions: Record<Role, string>;
}) {
  const trpc = useTRPC();
  const { data: tokens } = useSuspenseQuery(trpc.tokens.list.queryOptions({ workspace }));
  return (
    <div className="space-y-6">
      <CreateTokenForm workspace={workspace} tokenRoles={tokenRoles} roleDescriptions={roleDescriptions} />
      <TokensTable workspace={workspace} tokens={tokens} />
    </div>
  );
}
