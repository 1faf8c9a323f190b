import { finopsFiltersInput, rowsInput } from "~/server/finops/finops.schema";
import { finopsOverview } from "~/server/finops/overview";
import { costRows } from "~/server/finops/rows";
import { createTRPCRouter, workspaceProcedure } from "../trpc";

export const finopsRouter = createTRPCRouter({
  overview: workspaceProcedure("viewer")
    .input(finopsFiltersInput)
    .query(({ ctx, input }) =>
      finopsOverview(ctx.workspace.id, {
        period: input.period,
        ou: input.ou,
        environment: input.environment,
        accountId: input.accountId,
      }),
    ),

  rows: workspaceProcedure("viewer")
    .input(rowsInput)
    .query(({ ctx, input }) =>
      costRows({
        workspaceId: ctx.workspace.id,
        drill: input.drill,
        filters: input.filters,
        page: input.page,
        pageSize: input.pageSize,
      }),
    ),
});
