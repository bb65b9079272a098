import { appendAuditEvent } from "./audit.ts";
import type { Db } from "./database.ts";
import type { Actor, ClinicRecord, ClinicSettings } from "./records.ts";

/** The columns of a ClinicRecord, for every query that returns clinics. */
export const clinicColumns = {
  id: true,
  name: true,
  locale: true,
  timeZone: true,
  digestWeekday: true,
  digestTime: true,
  meetingWeekday: true,
  meetingTime: true,
  agendaLeadMinutes: true,
} as const;

export function clinicRepository(db: Db) {
  return {
    /** The clinic with this name, created on first use (the default clinic at first start). */
    async ensure(name: string): Promise<ClinicRecord> {
      return db.clinic.upsert({ where: { name }, create: { name }, update: {}, select: clinicColumns });
    },

    async findById(id: number): Promise<ClinicRecord | null> {
      return db.clinic.findUnique({ where: { id }, select: clinicColumns });
    },

    /** Case-insensitive: "psykos nord" finds "Psykos Nord". */
    async findByName(name: string): Promise<ClinicRecord | null> {
      const clinics = await db.clinic.findMany({ select: clinicColumns });
      const wanted = name.toLocaleLowerCase("sv");
      return clinics.find((clinic) => clinic.name.toLocaleLowerCase("sv") === wanted) ?? null;
    },

    async create(name: string, actor: Actor, at: Date): Promise<ClinicRecord> {
      return db.$transaction(async (tx) => {
        const clinic = await tx.clinic.create({ data: { name }, select: clinicColumns });
        await appendAuditEvent(tx, actor, at, "clinic.created", { type: "clinic", id: clinic.id }, { name });
        return clinic;
      });
    },

    async updateSettings(clinicId: number, settings: ClinicSettings, actor: Actor, at: Date): Promise<ClinicRecord> {
      return db.$transaction(async (tx) => {
        const clinic = await tx.clinic.update({ where: { id: clinicId }, data: settings, select: clinicColumns });
        await appendAuditEvent(tx, actor, at, "clinic.settings-changed", { type: "clinic", id: clinicId }, { ...settings });
        return clinic;
      });
    },
  };
}
