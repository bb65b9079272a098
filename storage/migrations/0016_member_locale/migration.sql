-- The language a person chose for ipsbot's answers to them (`ips language sv|nb|en`); NULL: their
-- Slack or Teams language when ipsbot speaks it, else their clinic's. Channel posts always follow
-- the clinic. The database refuses any other value.
ALTER TABLE "Member" ADD COLUMN "locale" TEXT CHECK ("locale" IS NULL OR "locale" IN ('sv', 'nb', 'en'));
