// Where a signed-in person starts when no page was asked for: their first workspace, or creating one.
export function landingPath(workspaces: readonly { slug: string }[]): string {
  const first = workspaces[0];
  return first ? `/w/${first.slug}/overview` : "/workspaces/new";
}
