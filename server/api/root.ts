import { accountsRouter } from "./routers/accounts";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { finopsRouter } from "./routers/finops";
import { incidentsRouter } from "./routers/incidents";
import { maturityRouter } from "./routers/maturity";
import { membersRouter } from "./routers/members";
import { syncRouter } from "./routers/sync";
import { uploadsRouter } from "./routers/uploads";
import { tokensRouter } from "./routers/tokens";
import { workspacesRouter } from "./routers/workspaces";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  workspaces: workspacesRouter,
  members: membersRouter,
  tokens: tokensRouter,
  audit: auditRouter,
  accounts: accountsRouter,
  sync: syncRouter,
  uploads: uploadsRouter,
  maturity: maturityRouter,
  finops: finopsRouter,
  incidents: incidentsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
