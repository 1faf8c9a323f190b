import { listRunsInput, runInput, scheduleInput, startSyncInput } from "~/server/ingest/ingest.schema";
import { dataFreshness, getRunSummary, getRunTasks, listRuns, startSync } from "~/server/ingest/runs.service";
import { getSchedule, setSchedule } from "~/server/ingest/schedule.service";
import { sourceNames, sourceTitles } from "~/server/ingest/sources";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const syncRouter = createTRPCRouter({
  sources: workspaceProcedure("viewer").query(() => sourceNames.map((name) => ({ name, title: sourceTitles[name] }))),

  start: workspaceProcedure("editor")
    .input(startSyncInput)
    .mutation(({ ctx, input }) =>
      startSync({
        workspaceId: ctx.workspace.id,
        actor: ctx.actor,
        trigger: "manual",
        accountRefs: input.accountRefs,
        sources: input.sources,
      }),
    ),

  runs: workspaceProcedure("viewer")
    .input(listRunsInput)
    .query(({ ctx, input }) => listRuns({ workspaceId: ctx.workspace.id, limit: input.limit })),

  run: workspaceProcedure("viewer")
    .input(runInput)
    .query(({ ctx, input }) => getRunSummary({ workspaceId: ctx.workspace.id, runId: input.runId })),

  runTasks: workspaceProcedure("viewer")
    .input(runInput)
    .query(({ ctx, input }) => getRunTasks({ workspaceId: ctx.workspace.id, runId: input.runId })),

  freshness: workspaceProcedure("viewer").query(({ ctx }) => dataFreshness({ workspaceId: ctx.workspace.id })),

  schedule: workspaceProcedure("viewer").query(({ ctx }) => getSchedule({ workspaceId: ctx.workspace.id })),

  setSchedule: workspaceProcedure("admin")
    .input(scheduleInput)
    .mutation(({ ctx, input }) =>
      setSchedule({ workspaceId: ctx.workspace.id, actor: ctx.actor, syncEveryHours: input.syncEveryHours }),
    ),
});
