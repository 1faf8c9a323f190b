"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "~/components/ui/cn";

const tabs = [
  { segment: "", label: "Workspace" },
  { segment: "members", label: "Members" },
  { segment: "tokens", label: "API tokens" },
  { segment: "audit", label: "Audit log" },
] as const;

export function SettingsNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-6">
        {tabs.map((tab) => {
          const href = tab.segment ? `/w/${slug}/settings/${tab.segment}` : `/w/${slug}/settings`;
          const isActive = pathname === href;
          return (
            <li key={tab.segment}>
              <Link
                href={href}
                aria-current={isActive ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-1 pb-3 text-sm font-medium transition-colors",
                  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900",
                  isActive
                    ? "border-slate-900 text-slate-900"
                    : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
