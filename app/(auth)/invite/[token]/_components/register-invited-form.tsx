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

const PASSWORD_HINT = "At least 12 characters.";

export function RegisterInvitedForm({ token, email }: { token: string; email: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const register = useMutation(
    trpc.auth.registerInvited.mutationOptions({
      onSuccess: (result) => router.replace(`/w/${result.workspace}/overview`),
    }),
  );
  const nameError = fieldError(register.error, "name");
  const passwordError = fieldError(register.error, "password");
  const message = formError(register.error, ["name", "password"]);

  return (
    <form
      method="post"
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const { name = "", password = "" } = readForm(e.currentTarget);
        register.mutate({ token, name, password });
      }}
    >
      <h2 className="text-base font-semibold text-slate-900">Create your account</h2>
      {message && <Alert tone="error">{message}</Alert>}
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-slate-800">Email</p>
        <p className="text-sm text-slate-700">{email}</p>
      </div>
      <Field id="invited-name" label="Name" error={nameError}>
        <Input
          id="invited-name"
          name="name"
          autoComplete="name"
          required
          aria-invalid={!!nameError || undefined}
          aria-describedby={describedBy("invited-name", null, nameError)}
        />
      </Field>
      <Field id="invited-password" label="Password" hint={PASSWORD_HINT} error={passwordError}>
        <Input
          id="invited-password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          aria-invalid={!!passwordError || undefined}
          aria-describedby={describedBy("invited-password", PASSWORD_HINT, passwordError)}
        />
      </Field>
      <Button type="submit" className="w-full" isLoading={register.isPending || register.isSuccess}>
        Create account and join
      </Button>
    </form>
  );
}
