"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClasses } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { describedBy, Field } from "~/components/ui/field";
import { fieldError, formError } from "~/components/ui/form-errors";
import { Input } from "~/components/ui/input";
import { readForm } from "~/components/ui/read-form";
import { Select } from "~/components/ui/select";
import { accountsPath } from "../labels";
import type { MemberResult } from "../types";
import { MemberResults } from "./member-results";
import { MembersTable } from "./members-table";

// Step 4: pick the organisation's member accounts and connect them through the StackSet role.
export function MembersStep({ workspace, organizationRef }: { workspace: string; organizationRef: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.accounts.discoverMembers.queryOptions({ workspace, organizationRef }));
  const [selected, setSelected] = useState(
    () => new Set(data.accounts.filter((a) => !a.isManagement && a.connection !== "connected").map((a) => a.accountId)),
  );
  const [ou, setOu] = useState("");
  const [results, setResults] = useState<MemberResult[] | null>(null);
  const connectMembers = useMutation(
    trpc.accounts.connectMembers.mutationOptions({
      onSuccess: (r) => setResults(r),
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.accounts.list.queryFilter()),
          queryClient.invalidateQueries(trpc.accounts.discoverMembers.queryFilter({ workspace, organizationRef })),
        ]),
    }),
  );
  const ous = [...new Set(data.accounts.map((a) => a.ouPath))].sort();
  const visible = data.accounts.filter((a) => !ou || a.ouPath === ou);
  const roleNameError = fieldError(connectMembers.error, "roleName");
  const message = formError(connectMembers.error, ["roleName"]);
  const memberCount = data.accounts.filter((a) => !a.isManagement).length;

  return (
    <Card>
      <CardHeader
        title="Step 4 — Connect member accounts"
        description={`Organisation ${data.organizationId} has ${memberCount} member ${memberCount === 1 ? "account" : "accounts"}. Ladder connects each through the role your StackSet created in it, with the same External ID.`}
      />
      <CardBody className="space-y-5">
        {results ? (
          <>
            <MemberResults results={results} accounts={data.accounts} />
            <div className="flex flex-wrap gap-3">
              <Link href={accountsPath(workspace)} className={buttonClasses("primary")}>
                Done
              </Link>
              <Button variant="secondary" onClick={() => setResults(null)}>
                Connect more accounts
              </Button>
            </div>
          </>
        ) : (
          <form
            method="post"
            noValidate
            className="space-y-5"
            onSubmit={(e) => {
              e.preventDefault();
              setResults(null);
              connectMembers.mutate({
                workspace,
                organizationRef,
                accountIds: [...selected],
                roleName: readForm(e.currentTarget).roleName ?? "",
              });
            }}
          >
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                id="member-role-name"
                label="Role name in member accounts"
                hint="The role the StackSet created in every member account."
                error={roleNameError}
              >
                <Input
                  id="member-role-name"
                  name="roleName"
                  defaultValue={data.memberRoleName}
                  autoComplete="off"
                  spellCheck={false}
                  className="font-mono text-xs"
                  aria-invalid={!!roleNameError || undefined}
                  aria-describedby={describedBy("member-role-name", true, roleNameError)}
                />
              </Field>
              <Field id="member-ou-filter" label="Filter by OU">
                <Select id="member-ou-filter" value={ou} onChange={(e) => setOu(e.target.value)}>
                  <option value="">All OUs</option>
                  {ous.map((path) => (
                    <option key={path} value={path}>
                      {path}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            <MembersTable accounts={visible} selected={selected} onChange={setSelected} />
            {message && <Alert tone="error">{message}</Alert>}
            {connectMembers.isPending && (
              <p role="status" className="text-sm text-slate-600">
                Assuming the role in {selected.size} {selected.size === 1 ? "account" : "accounts"} with STS…
              </p>
            )}
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" isLoading={connectMembers.isPending} disabled={selected.size === 0}>
                Connect selected accounts
              </Button>
              <span className="text-sm text-slate-600" aria-live="polite">
                {selected.size} selected{ou && ` · ${visible.length} shown in ${ou}`}
              </span>
              <Link href={accountsPath(workspace)} className={buttonClasses("ghost")}>
                Skip for now
              </Link>
            </div>
          </form>
        )}
      </CardBody>
    </Card>
  );
}
