import { redirect } from "next/navigation";
import { getSignedInUser } from "~/app/(app)/_lib/session";
import { serverCaller } from "~/server/api/rsc";

// The front door only routes: to sign in, to the first workspace, or to creating one.
export default async function HomePage() {
  if (!(await getSignedInUser())) redirect("/signin");
  const workspaces = await (await serverCaller()).workspaces.list();
  const first = workspaces[0];
  redirect(first ? `/w/${first.slug}/overview` : "/workspaces/new");
}
