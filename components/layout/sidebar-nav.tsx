"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "~/components/ui/cn";

const sections = [
  { segment: "overview", label: "Overview", icon: "M3 12l9-8 9 8M5 10v10h14V10" },
  { segment: "maturity", label: "Maturity", icon: "M7 3v18M17 3v18M7 8h10M7 13h10M7 18h10" },
  { segment: "finops", label: "FinOps", icon: "M12 3v18M17 7H9.5a3 3 0 0 0 0 6h5a3 3 0 0 1 0 6H6" },
  { segment: "incidents", label: "Incidents", icon: "M12 4l9 16H3L12 4zM12 10v4M12 17h.01" },
  { segment: "accounts", label: "Accounts", icon: "M4 7h16v12H4zM9 7V5h6v2" },
  { segment: "sync", label: "Sync", icon: "M4 4v5h5M20 20v-5h-5M5.1 15a7.5 7.5 0 0 0 13.4 1.5M18.9 9A7.5 7.5 0 0 0 5.5 7.5" },
  { segment: "settings", label: "Settings", icon: "M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0M14 4v4M8 10v4M16 16v4" },
] as const;

export function SidebarNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Sections">
      <ul className="-mx-1 flex gap-1 overflow-x-auto px-1 md:mx-0 md:block md:space-y-0.5 md:px-0">
        {sections.map((section) => {
          const href = `/w/${slug}/${section.segment}`;
          const isActive = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={section.segment}>
              <Link
                href={href}
                aria-current={isActive ? "page" : undefined}
                className={cn(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
                  "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-slate-900",
                  isActive ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:bg-slate-50 hover:text-slate-900",
                )}
              >
                <svg
                  viewBox="0 0 24 24"
                  className={cn("size-4 shrink-0", isActive ? "text-slate-900" : "text-slate-400")}
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.8"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                  aria-hidden="true"
                >
                  <path d={section.icon} />
                </svg>
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
