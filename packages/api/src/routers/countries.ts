import { contacts, countrySettings, inSequence } from "@isoloir/db";
import { queueSwitchOffDeletion } from "@isoloir/enrichment";
import {
  AllowListChange,
  cnil2016Confirmation,
  needsCnil2016Confirmation,
  providerAllowListOf,
  SwitchChange,
  setEnrichmentSwitch,
  setProviderAllowed,
  switchHistory,
} from "@isoloir/jurisdictions";
import { and, count, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { capable, router } from "../trpc";

export const countriesRouter = router({
  /**
   * Every country the organisation has contacts in or a switch for, with its enrichment switch.
   * A country without a row is off: every switch starts off. Owners, admins and compliance only.
   */
  list: capable("readJurisdictions").query(async ({ ctx }) => {
    const [switches, perCountry] = await inSequence([
      () => ctx.db.select().from(countrySettings).where(eq(countrySettings.orgId, ctx.org.id)),
      () =>
        ctx.db
          .select({ country: contacts.country, contacts: count() })
          .from(contacts)
          .where(and(eq(contacts.orgId, ctx.org.id), isNotNull(contacts.country)))
          .groupBy(contacts.country),
    ]);
    const codes = new Set([
      ctx.org.country,
      ...switches.map((s) => s.country),
      ...perCountry.map((c) => c.country ?? ""),
    ]);
    codes.delete("");
    return [...codes].sort().map((country) => {
      const setting = switches.find((s) => s.country === country);
      return {
        country,
        contacts: perCountry.find((c) => c.country === country)?.contacts ?? 0,
        enrichmentEnabled: setting?.enrichmentEnabled ?? false,
        changedAt: setting?.changedAt ?? null,
        justification: setting?.justification ?? null,
      };
    });
  }),

  /** What the switch form needs: whether the CNIL 2016 confirmation applies, and its exact text. */
  switchRequirements: capable("readJurisdictions").query(({ ctx }) => ({
    cnil2016ConfirmationRequired: needsCnil2016Confirmation(ctx.org),
    cnil2016Confirmation,
    minJustificationLength: 20,
  })),

  /** A country's switch changes: who, when, why. Owners, admins and compliance only. */
  history: capable("readJurisdictions")
    .input(z.object({ country: z.string().length(2) }).strict())
    .query(({ ctx, input }) => switchHistory(ctx.db, ctx.org.id, input.country)),

  /** A switch going off hides that country's enriched data at once; a background job deletes it. */
  setEnrichment: capable("manageEnrichment")
    .input(SwitchChange)
    .mutation(async ({ ctx, input }) => {
      const actor = { orgId: ctx.org.id, org: ctx.org, userId: ctx.user.id, pseudonym: ctx.member.actor };
      const saved = await setEnrichmentSwitch(ctx.db, actor, input);
      const { jobs } = ctx;
      if (!saved.enrichmentEnabled && jobs) {
        const data = {
          orgId: ctx.org.id,
          country: saved.country,
          orgCountry: ctx.org.country,
          actor: ctx.member.actor,
        };
        ctx.afterCommit(async () => void (await queueSwitchOffDeletion(jobs, data)));
      }
      return saved;
    }),

  /**
   * Which networks enrichment may call, and nothing else (no history, no justification): also for staff,
   * whose Enrich dialog shows it.
   */
  providers: capable("readProviders").query(({ ctx }) => providerAllowListOf(ctx.db, ctx.org.id)),

  setProvider: capable("manageEnrichment")
    .input(AllowListChange)
    .mutation(({ ctx, input }) =>
      setProviderAllowed(
        ctx.db,
        { orgId: ctx.org.id, org: ctx.org, userId: ctx.user.id, pseudonym: ctx.member.actor },
        input,
      ),
    ),
});
