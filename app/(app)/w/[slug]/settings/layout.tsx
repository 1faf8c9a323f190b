import { SettingsNav } from "~/components/settings/settings-nav";
import { PageHeader } from "~/components/ui/page-header";

export default async function SettingsLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  return (
    <>
      <PageHeader title="Settings" description="Who can see this workspace, how CI systems reach it, and what has changed." />
      <SettingsNav slug={slug} />
      {children}
    </>
  );
}
