import type { Db } from "./database.ts";
import type { ClinicRecord } from "./records.ts";

export function clinicRepository(db: Db) {
  return {
    /** The clinic with this name, created on first use (the default clinic at first start). */
    async ensure(name: string): Promise<ClinicRecord> {
      return db.clinic.upsert({ where: { name }, create: { name }, update: {} });
    },
    async findById(id: number): Promise<ClinicRecord | null> {
      return db.clinic.findUnique({ where: { id } });
    },
  };
}
