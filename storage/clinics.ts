import { appendAuditEvent } from "./audit.ts";
import type { Db } from "./database.ts";
import type { Actor, ClinicRecord, ClinicRole, ClinicSettings, Workspace } from "./records.ts";

/** The columns of a ClinicRecord, for every query that returns clinics. */
export const clinicColumns = {
  id: true,
  name: true,
  platform: true,
  workspaceId: true,
  locale: true,
  timeZone: true,
  digestWeekday: true,
  digestTime: true,
  meetingWeekday: true,
  meetingTime: true,
  agendaLeadMinutes: true,
  rateDefinition: true,
} as const;

export function clinicRepository(db: Db) {
  return {
    /** The workspace's clinic with this name, created on first use. */
    async ensure(workspace: Workspace, name: string): Promise<ClinicRecord> {
      const { platform, workspaceId } = workspace;
      return db.clinic.upsert({
        where: { platform_workspaceId_name: { platform, workspaceId, name } },
        create: { platform, workspaceId, name },
        update: {},
        select: clinicColumns,
      });
    },

    /** Every clinic of a workspace (an installation admin's), ordered by name. */
    async inWorkspace(workspace: Workspace): Promise<ClinicRecord[]> {
      return db.clinic.findMany({ where: { platform: workspace.platform, workspaceId: workspace.workspaceId }, select: clinicColumns, orderBy: { name: "asc" } });
    },

    async findById(id: number): Promise<ClinicRecord | null> {
      return db.clinic.findUnique({ where: { id }, select: clinicColumns });
    },

    /** The workspace's clinic of this name, case-insensitive: "psykos nord" finds "Psykos Nord". */
    async findByName(workspace: Workspace, name: string): Promise<ClinicRecord | null> {
      const clinics = await db.clinic.findMany({ where: { platform: workspace.platform, workspaceId: workspace.workspaceId }, select: clinicColumns });
      const wanted = name.toLocaleLowerCase("sv");
      return clinics.find((clinic) => clinic.name.toLocaleLowerCase("sv") === wanted) ?? null;
    },

    /** Clinics an upgrade could not place in a workspace: reachable from nowhere until placed. */
    async unplaced(): Promise<ClinicRecord[]> {
      return db.clinic.findMany({ where: { workspaceId: "" }, select: clinicColumns, orderBy: { id: "asc" } });
    },

    /** A new clinic in the actor's own workspace; `creatorRole` gives its creator a role in it. */
    async create(name: string, actor: Actor, at: Date, creatorRole?: ClinicRole): Promise<ClinicRecord> {
      return db.$transaction(async (tx) => {
        const clinic = await tx.clinic.create({ data: { name, platform: actor.platform, workspaceId: actor.workspaceId }, select: clinicColumns });
        await appendAuditEvent(tx, actor, at, "clinic.created", { type: "clinic", id: clinic.id, clinicId: clinic.id }, { platform: clinic.platform, workspaceId: clinic.workspaceId });
        if (creatorRole) {
          await tx.clinicMembership.create({ data: { clinicId: clinic.id, memberId: actor.memberId, role: creatorRole } });
          await appendAuditEvent(tx, actor, at, "clinic-membership.role-set", { type: "member", id: actor.memberId, clinicId: clinic.id }, { clinicId: clinic.id, role: { from: null, to: creatorRole } });
        }
        return clinic;
      });
    },

    async updateSettings(clinicId: number, settings: ClinicSettings, actor: Actor, at: Date): Promise<ClinicRecord> {
      return db.$transaction(async (tx) => {
        const before = await tx.clinic.findUniqueOrThrow({ where: { id: clinicId }, select: clinicColumns });
        const clinic = await tx.clinic.update({ where: { id: clinicId }, data: settings, select: clinicColumns });
        // Old and new value of each setting that changed; saving the same settings is no change.
        const changed = Object.fromEntries(
          (Object.keys(settings) as (keyof ClinicSettings)[]).filter((key) => before[key] !== clinic[key]).map((key) => [key, { from: before[key], to: clinic[key] }]),
        );
        if (Object.keys(changed).length > 0) await appendAuditEvent(tx, actor, at, "clinic.settings-changed", { type: "clinic", id: clinicId, clinicId }, changed);
        return clinic;
      });
    },
  };
}
