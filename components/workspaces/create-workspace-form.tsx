"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { describedBy, Field } from "~/components/ui/field";
import { fieldError, formError } from "~/components/ui/form-errors";
import { Input } from "~/components/ui/input";
import { readForm } from "~/components/ui/read-form";
import { slugify } from "./slugify";

export function CreateWorkspaceForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  // Once the user types an address of their own, the name stops overwriting it.
  const [isSlugEdited, setIsSlugEdited] = useState(false);
  const create = useMutation(
    trpc.workspaces.create.mutationOptions({
      onSuccess: async (workspace) => {
        await queryClient.invalidateQueries(trpc.workspaces.list.queryFilter());
        router.push(`/w/${workspace.slug}/overview`);
      },
    }),
  );
  const nameError = fieldError(create.error, "name");
  const slugError = fieldError(create.error, "slug");
  const message = formError(create.error, ["name", "slug"]);
  const slugHint = (
    <>
      Used in links: <span className="font-mono">/w/{slug || "your-team"}</span>. Lowercase letters, digits and dashes.
    </>
  );

  return (
    <form
      method="post"
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const values = readForm(e.currentTarget);
        create.mutate({ name: values.name ?? "", slug: values.slug ?? "" });
      }}
    >
      {message && <Alert tone="error">{message}</Alert>}
      <Field id="workspace-name" label="Name" error={nameError}>
        <Input
          id="workspace-name"
          name="name"
          required
          placeholder="Acme Platform"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            if (!isSlugEdited) setSlug(slugify(e.target.value));
          }}
          aria-invalid={!!nameError || undefined}
          aria-describedby={describedBy("workspace-name", null, nameError)}
        />
      </Field>
      <Field id="workspace-slug" label="Address" hint={slugHint} error={slugError}>
        <Input
          id="workspace-slug"
          name="slug"
          required
          placeholder="acme-platform"
          value={slug}
          spellCheck={false}
          autoCapitalize="none"
          onChange={(e) => {
            setSlug(e.target.value);
            setIsSlugEdited(e.target.value !== "");
          }}
          aria-invalid={!!slugError || undefined}
          aria-describedby={describedBy("workspace-slug", slugHint, slugError)}
        />
      </Field>
      <Button type="submit" isLoading={create.isPending || create.isSuccess}>
        Create workspace
      </Button>
    </form>
  );
}
