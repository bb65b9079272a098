import type { Prisma } from "./generated/prisma/client.ts";

/** The clinic's employer with this match key, created with the typed name the first time. */
export function upsertEmployer(tx: Prisma.TransactionClient, clinicId: number, name: string, matchKey: string) {
  return tx.employer.upsert({
    where: { clinicId_normalizedName: { clinicId, normalizedName: matchKey } },
    create: { clinicId, name, normalizedName: matchKey },
    update: {},
  });
}
