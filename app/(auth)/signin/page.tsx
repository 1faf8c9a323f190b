import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSignedInUser, safeCallbackPath } from "~/app/(app)/_lib/session";
import { Card, CardBody } from "~/components/ui/card";
import { serverCaller } from "~/server/api/rsc";
import { CreateOwnerForm } from "./_components/create-owner-form";
import { NoSignInMethod } from "./_components/no-sign-in-method";
import { OAuthButtons } from "./_components/oauth-buttons";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl) ?? "/";
  if (await getSignedInUser()) redirect(callbackPath);
  const options = await (await serverCaller()).auth.options();

  if (options.needsOwner) {
    return (
      <Card>
        <CardBody className="space-y-5 p-6 sm:p-8">
          <div>
            <h1 className="text-xl font-semibold text-slate-900">Create the owner account</h1>
            <p className="mt-1 text-sm text-slate-600">
              This Ladder has no users yet. The first account owns it and can invite everyone else.
            </p>
          </div>
          <CreateOwnerForm />
        </CardBody>
      </Card>
    );
  }

  const hasProviders = options.providers.length > 0;
  return (
    <Card>
      <CardBody className="space-y-6 p-6 sm:p-8">
        <h1 className="text-xl font-semibold text-slate-900">Sign in to Ladder</h1>
        {hasProviders && <OAuthButtons providers={options.providers} callbackPath={callbackPath} />}
        {hasProviders && options.localLogin && (
          <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden="true">
            <span className="h-px flex-1 bg-slate-200" />
            or with a password
            <span className="h-px flex-1 bg-slate-200" />
          </div>
        )}
        {options.localLogin && <SignInForm callbackPath={callbackPath} />}
        {!options.localLogin && !hasProviders && <NoSignInMethod />}
      </CardBody>
    </Card>
  );
}
