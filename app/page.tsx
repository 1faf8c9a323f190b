import { redirect } from "next/navigation";
import { landingPath } from "~/app/(app)/_lib/landing-path";
import { getSignedInUser } from "~/app/(app)/_lib/session";
import { serverCaller } from "~/server/api/rsc";

// The front door only routes: to sign in, to the first workspace, or to creating one. Forms
// navigate to where this would send them rather than to "/": a client-side navigation to a page
// that only redirects shows an empty page until the second request answers.
export default async function HomePage() {
  if (!(await getSignedInUser())) redirect("/signin");
  redirect(landingPath(await (await serverCaller()).workspaces.list()));
}
