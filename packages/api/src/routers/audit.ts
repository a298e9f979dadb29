import { auditRowsOf, verifyAuditChain } from "@isoloir/audit";
import { auditLog } from "@isoloir/db";
import { count, desc } from "drizzle-orm";
import { z } from "zod";
import { capable, router } from "../trpc";

export const auditRouter = router({
  list: capable("readAudit")
    .input(
      z
        .object({
          page: z.number().int().min(1).default(1),
          pageSize: z.number().int().min(1).max(200).default(50),
        })
        .strict(),
    )
    .query(async ({ ctx, input }) => {
      // the rows verify walks, every one of them: a forged row is listed, and reported by verify
      const where = auditRowsOf(ctx.org.id);
      const [total] = await ctx.db.select({ n: count() }).from(auditLog).where(where);
      const items = await ctx.db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.seq))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize);
      return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
    }),

  verify: capable("readAudit").query(({ ctx }) => verifyAuditChain(ctx.db, ctx.org.id)),
});
