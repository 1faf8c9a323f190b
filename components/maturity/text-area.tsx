import { cn } from "~/components/ui/cn";
import { controlClasses } from "~/components/ui/input";

export function TextArea({ className, ...props }: React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(controlClasses, className)} {...props} />;
}
