import { compareChange } from "~/server/incidents/compare";
import { incidentDetail } from "~/server/incidents/detail";
import { compareInput, incidentDetailInput, incidentFiltersInput, incidentsListInput } from "~/server/incidents/incidents.schema";
import { incidentsPage } from "~/server/incidents/list";
import { incidentOutcomes } from "~/server/incidents/outcomes";
import { incidentsOverview } from "~/server/incidents/overview";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const incidentsRouter = createTRPCRouter({
  overview: workspaceProcedure("viewer")
    .input(incidentFiltersInput)
    .query(({ ctx, input: { workspace: _w, ...filters } }) =>
      incidentsOverview({ workspaceId: ctx.workspace.id, filters, base: `/w/${ctx.workspace.slug}` }),
    ),

  /** The overview's Outcomes tile: the last 30 days against the 30 before. */
  outcomes: workspaceProcedure("viewer").query(({ ctx }) => incidentOutcomes({ workspaceId: ctx.workspace.id })),

  list: workspaceProcedure("viewer")
    .input(incidentsListInput)
    .query(({ ctx, input: { workspace: _w, page, pageSize, ...filters } }) =>
      incidentsPage({ workspaceId: ctx.workspace.id, filters, page, pageSize }),
    ),

  detail: workspaceProcedure("viewer")
    .input(incidentDetailInput)
    .query(({ ctx, input }) => incidentDetail({ workspaceId: ctx.workspace.id, incidentId: input.incidentId })),

  compare: workspaceProcedure("viewer")
    .input(compareInput)
    .query(({ ctx, input }) =>
      compareChange({
        workspaceId: ctx.workspace.id,
        changeId: input.changeId,
        windowDays: input.windowDays,
        failureWindowHours: input.failureWindowHours,
      }),
    ),
});
