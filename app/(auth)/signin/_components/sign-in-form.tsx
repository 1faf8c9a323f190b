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

export function SignInForm({ callbackPath }: { callbackPath: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const signIn = useMutation(trpc.auth.signIn.mutationOptions({ onSuccess: () => router.replace(callbackPath) }));
  const emailError = fieldError(signIn.error, "email");
  const passwordError = fieldError(signIn.error, "password");
  const message = formError(signIn.error, ["email", "password"]);

  return (
    <form
      method="post"
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const { email = "", password = "" } = readForm(e.currentTarget);
        signIn.mutate({ email, password });
      }}
    >
      {message && <Alert tone="error">{message}</Alert>}
      <Field id="signin-email" label="Email" error={emailError}>
        <Input
          id="signin-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={!!emailError || undefined}
          aria-describedby={describedBy("signin-email", null, emailError)}
        />
      </Field>
      <Field id="signin-password" label="Password" error={passwordError}>
        <Input
          id="signin-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={!!passwordError || undefined}
          aria-describedby={describedBy("signin-password", null, passwordError)}
        />
      </Field>
      <Button type="submit" className="w-full" isLoading={signIn.isPending || signIn.isSuccess}>
        Sign in
      </Button>
    </form>
  );
}
