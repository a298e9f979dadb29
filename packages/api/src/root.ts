import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { contactsRouter } from "./routers/contacts";
import { countriesRouter } from "./routers/countries";
import { enrichmentRouter } from "./routers/enrichment";
import { membersRouter } from "./routers/members";
import { organisationRouter } from "./routers/organisation";
import { purgeRouter } from "./routers/purge";
import { rulesRouter } from "./routers/rules";
import { router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  contacts: contactsRouter,
  organisation: organisationRouter,
  members: membersRouter,
  countries: countriesRouter,
  audit: auditRouter,
  rules: rulesRouter,
  enrichment: enrichmentRouter,
  purge: purgeRouter,
});

export type AppRouter = typeof appRouter;
