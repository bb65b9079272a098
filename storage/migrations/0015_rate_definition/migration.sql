-- Which definition a clinic's employment rate follows (commands/rules/employment-rate.ts): the IPS
-- Employment Center's (everyone served in the quarter; the default, so every existing clinic keeps
-- the figure it had) or IPS Grow's. The database refuses any other value.
ALTER TABLE "Clinic" ADD COLUMN "rateDefinition" TEXT NOT NULL DEFAULT 'ips-employment-center' CHECK ("rateDefinition" IN ('ips-employment-center', 'ips-grow'));
