import { Alert } from "~/components/ui/alert";

export function NoSignInMethod() {
  return (
    <Alert tone="warning" title="No way to sign in is configured">
      <p>An administrator of this Ladder must set one of these in the server&apos;s environment and restart it:</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>
          <code>GITHUB_ID</code> and <code>GITHUB_SECRET</code> for GitHub
        </li>
        <li>
          <code>GOOGLE_ID</code> and <code>GOOGLE_SECRET</code> for Google
        </li>
        <li>
          <code>OIDC_ISSUER</code>, <code>OIDC_CLIENT_ID</code> and <code>OIDC_CLIENT_SECRET</code> for any OpenID Connect
          provider
        </li>
        <li>
          or <code>LADDER_ALLOW_LOCAL_LOGIN=1</code> to allow email and password sign-in
        </li>
      </ul>
    </Alert>
  );
}
