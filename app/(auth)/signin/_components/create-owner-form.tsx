"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { describedBy, Field } from "~/components/ui/field";
import { fieldError, formError } from "~/components/ui/form-errors";
import { Input } from "~/components/ui/input";
import { readForm } from "~/components/ui/read-form";

const PASSWORD_HINT = "At least 12 characters. A passphrase of a few words is easiest to remember.";

export function CreateOwnerForm() {
  const trpc = useTRPC();
  const router = useRouter();
  // A new owner has no workspace yet, so straight to creating one: via "/" the router would show
  // that page, which renders nothing and only redirects, as a blank page until the redirect lands.
  const createOwner = useMutation(trpc.auth.createOwner.mutationOptions({ onSuccess: () => router.replace("/workspaces/new") }));
  const errors = {
    name: fieldError(createOwner.error, "name"),
    email: fieldError(createOwner.error, "email"),
    password: fieldError(createOwner.error, "password"),
  };
  const message = formError(createOwner.error, ["name", "email", "password"]);

  return (
    <form
      method="post"
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const { name = "", email = "", password = "" } = readForm(e.currentTarget);
        createOwner.mutate({ name, email, password });
      }}
    >
      {message && <Alert tone="error">{message}</Alert>}
      <Field id="owner-name" label="Name" error={errors.name}>
        <Input
          id="owner-name"
          name="name"
          autoComplete="name"
          required
          aria-invalid={!!errors.name || undefined}
          aria-describedby={describedBy("owner-name", null, errors.name)}
        />
      </Field>
      <Field id="owner-email" label="Email" error={errors.email}>
        <Input
          id="owner-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={!!errors.email || undefined}
          aria-describedby={describedBy("owner-email", null, errors.email)}
        />
      </Field>
      <Field id="owner-password" label="Password" hint={PASSWORD_HINT} error={errors.password}>
        <Input
          id="owner-password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          aria-invalid={!!errors.password || undefined}
          aria-describedby={describedBy("owner-password", PASSWORD_HINT, errors.password)}
        />
      </Field>
      <Button type="submit" className="w-full" isLoading={createOwner.isPending || createOwner.isSuccess}>
        Create owner account
      </Button>
    </form>
  );
}
