import { cn } from "./cn";

export const controlClasses = cn(
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm",
  "placeholder:text-slate-500 focus:border-slate-500 focus:outline-2 focus:outline-offset-0 focus:outline-slate-300",
  "disabled:bg-slate-50 disabled:text-slate-500 read-only:bg-slate-50",
  "aria-invalid:border-red-500 aria-invalid:focus:outline-red-200",
);

export function Input({ className, ...props }: React.InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(controlClasses, "h-10", className)} {...props} />;
}
