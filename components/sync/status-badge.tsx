import { Badge } from "~/components/ui/badge";
import type { RunStatus, TaskStatus } from "./types";

type Tone = React.ComponentProps<typeof Badge>["tone"];

const runTones: Record<RunStatus, { tone: Tone; label: string }> = {
  queued: { tone: "neutral", label: "Queued" },
  running: { tone: "blue", label: "Running" },
  succeeded: { tone: "green", label: "Succeeded" },
  partial: { tone: "amber", label: "Partial" },
  failed: { tone: "red", label: "Failed" },
};

const taskTones: Record<TaskStatus, { tone: Tone; label: string }> = {
  ...runTones,
  denied: { tone: "amber", label: "Denied" },
  skipped: { tone: "neutral", label: "Skipped" },
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  const { tone, label } = runTones[status];
  return <Badge tone={tone}>{label}</Badge>;
}

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { tone, label } = taskTones[status];
  return <Badge tone={tone}>{label}</Badge>;
}
