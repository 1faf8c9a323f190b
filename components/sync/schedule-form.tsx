"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "~/components/providers/trpc-provider";
import { Alert } from "~/components/ui/alert";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Select } from "~/components/ui/select";
import { CostExplorerEstimate } from "./ce-spend-estimate";

const choices = [6, 12, 24, 48, 168] as const;
const OFF = "off";

const choiceLabel = (hours: number) => (hours === 168 ? "168 h (weekly)" : `${hours} h`);

export function ScheduleForm({ workspace, canEdit }: { workspace: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: schedule } = useSuspenseQuery(trpc.sync.schedule.queryOptions({ workspace }));
  const save = useMutation(
    trpc.sync.setSchedule.mutationOptions({
      // The estimate of what the schedule costs changes with it.
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.sync.schedule.queryKey({ workspace }) }),
    }),
  );
  const current = schedule.syncEveryHours;
  // A value set some other way (the CLI, the API) is still shown as it is.
  const options: number[] =
    current !== null && !(choices as readonly number[]).includes(current)
      ? [...choices, current].sort((a, b) => a - b)
      : [...choices];

  return (
    <Card>
      <CardHeader
        title="Schedule"
        description={
          canEdit
            ? "Scheduled syncs run every source in every connected account."
            : "Only admins and owners can change the schedule."
        }
      />
      <CardBody className="space-y-3">
        <div className="flex flex-wrap items-center gap-3 text-sm text-slate-800">
          <span>Sync automatically every</span>
          <div className="w-48">
            <Select
              aria-label="Sync schedule"
              value={current === null ? OFF : String(current)}
              disabled={!canEdit || save.isPending}
              onChange={(e) => {
                const value = e.currentTarget.value;
                save.mutate({ workspace, syncEveryHours: value === OFF ? null : Number(value) });
              }}
            >
              {options.map((hours) => (
                <option key={hours} value={String(hours)}>
                  {choiceLabel(hours)}
                </option>
              ))}
              <option value={OFF}>off (only by hand)</option>
            </Select>
          </div>
          <span role="status" className="text-xs text-slate-500">
            {save.isPending ? "Saving…" : save.isSuccess ? "Saved" : ""}
          </span>
        </div>
        {save.error && <Alert tone="error">{save.error.message}</Alert>}
        <CostExplorerEstimate estimate={schedule.costExplorer} syncEveryHours={current} />
      </CardBody>
    </Card>
  );
}
