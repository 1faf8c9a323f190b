import type { Metadata } from "next";
import { TRPCReactProvider } from "~/components/providers/trpc-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Ladder", template: "%s · Ladder" },
  description: "DevOps maturity for AWS organisations, proved from your own AWS data.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
