import type { Metadata } from "next";
import Link from "next/link";
import { getSignedInUser, signInPath } from "~/app/(app)/_lib/session";
import { Alert } from "~/components/ui/alert";
import { buttonClasses } from "~/components/ui/button";
import { Card, CardBody } from "~/components/ui/card";
import { serverCaller } from "~/server/api/rsc";
import { AcceptInvitationButton } from "./_components/accept-invitation-button";
import { RegisterInvitedForm } from "./_components/register-invited-form";

export const metadata: Metadata = { title: "Invitation" };

async function findInvitation(token: string) {
  try {
    return await (await serverCaller()).workspaces.invitation({ token });
  } catch {
    // A token of the wrong shape is rejected by input validation: it is just an invalid link.
    return null;
  }
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user, options] = await Promise.all([
    findInvitation(token),
    getSignedInUser(),
    serverCaller().then((c) => c.auth.options()),
  ]);

  if (!invitation) {
    return (
      <Notice title="This invitation link is not valid">
        It may have been accepted already, revoked, or replaced by a newer invitation. Ask an admin of the workspace to send you a
        new link.
      </Notice>
    );
  }
  if (invitation.isExpired) {
    return (
      <Notice title="This invitation has expired">
        The invitation to {invitation.workspace.name} is no longer valid. Ask an admin of the workspace for a new one.
      </Notice>
    );
  }

  const signInHref = signInPath(`/invite/${token}`);
  // A signed-in user holding someone else's link is not told which address it was sent to.
  const isForSomeoneElse = !!user && user.email.toLowerCase() !== invitation.email;
  return (
    <Card>
      <CardBody className="space-y-5 p-6 sm:p-8">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">Join {invitation.workspace.name}</h1>
          {!isForSomeoneElse && (
            <p className="mt-1 text-sm text-slate-600">
              <span className="font-medium text-slate-800">{invitation.email}</span> is invited to join as{" "}
              <span className="font-medium text-slate-800">{invitation.role}</span>.
            </p>
          )}
        </div>
        {user ? (
          isForSomeoneElse ? (
            <Alert tone="warning">
              You are signed in as {user.email}. This invitation is for another email address: sign out, then open the link again
              and sign in with the address it was sent to.
            </Alert>
          ) : (
            <AcceptInvitationButton token={token} />
          )
        ) : (
          <>
            {options.localLogin && <RegisterInvitedForm token={token} email={invitation.email} />}
            {options.localLogin ? (
              <p className="border-t border-slate-200 pt-4 text-center text-sm">
                <Link href={signInHref} className="font-medium text-slate-900 underline underline-offset-2 hover:text-slate-700">
                  Sign in with an existing account
                </Link>
              </p>
            ) : (
              <Link href={signInHref} className={buttonClasses("primary", "md", "w-full")}>
                Sign in with an existing account
              </Link>
            )}
          </>
        )}
      </CardBody>
    </Card>
  );
}

function Notice({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card>
      <CardBody className="space-y-4 p-6 sm:p-8">
        <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
        <p className="text-sm text-slate-600">{children}</p>
        <Link href="/" className={buttonClasses("secondary")}>
          Go to Ladder
        </Link>
      </CardBody>
    </Card>
  );
}
