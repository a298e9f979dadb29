-- The throttle now reserves each password check before hashing it (attempts in a fixed window) instead
-- of counting failures after the hash and locking the account; the old lock state means nothing to it.
DELETE FROM "sign_in_throttle";--> statement-breakpoint
ALTER TABLE "sign_in_throttle" RENAME COLUMN "failures" TO "attempts";--> statement-breakpoint
ALTER TABLE "sign_in_throttle" DROP COLUMN "locked_until";
