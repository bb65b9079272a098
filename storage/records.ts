// Plain records storage hands to commands, so nothing above storage/ depends on Prisma's types.

export interface Actor {
  platform: string;
  workspaceId: string;
  memberId: number;
  /** The platform's id of the member (Slack user id, Entra object id), kept in the audit log beside the member id. */
  platformUserId?: string;
}

export interface ClinicSettings {
  locale: string | null;
  timeZone: string;
  digestWeekday: number;
  digestTime: string;
  meetingWeekday: number;
  meetingTime: string;
  agendaLeadMinutes: number;
  /** "ips-employment-center" or "ips-grow": which definition the employment rate follows. */
  rateDefinition: string;
}

export interface ClinicRecord extends ClinicSettings {
  id: number;
  name: string;
  /** The Slack workspace or Teams tenant the clinic belongs to; nothing of it is reachable from another. */
  platform: string;
  workspaceId: string;
}

/** A Slack workspace or a Teams tenant. */
export interface Workspace {
  platform: string;
  workspaceId: string;
}

/** One role per member per clinic: see commands/authorize.ts for what each may do. */
export const CLINIC_ROLES = ["specialist", "team", "supervisor", "admin"] as const;
export type ClinicRole = (typeof CLINIC_ROLES)[number];

/** Someone who can be named to another person (a mention). */
export interface PersonRecord {
  memberId: number;
  platform: string;
  platformUserId: string;
  displayName: string;
}

/** A member as someone to name (a mention in a reply). */
export function personOf(member: Pick<MemberRecord, "id" | "platform" | "platformUserId" | "displayName">): PersonRecord {
  return { memberId: member.id, platform: member.platform, platformUserId: member.platformUserId, displayName: member.displayName };
}

export interface ClinicChannelRecord {
  id: number;
  clinicId: number;
  platform: string;
  workspaceId: string;
  channelId: string;
  serviceUrl: string | null;
  connectedAt: Date;
}

export interface MemberRecord {
  id: number;
  platform: string;
  workspaceId: string;
  platformUserId: string;
  displayName: string;
  /** The language the person chose (sv, nb, en), or null. */
  locale: string | null;
}

export interface ParticipantRecord {
  id: number;
  clinicId: number;
  code: string;
  specialistId: number;
  enrolledOn: string;
  status: string;
  statusSince: string;
}

export interface CaseloadEntry {
  code: string;
  status: string;
  enrolledOn: string;
  /** The participant's employer contacts of every type, newest first. */
  contacts: { contactType: string; occurredOn: string }[];
  openFlags: number;
}

export interface OpenFlagRecord {
  id: number;
  participantCode: string;
  reason: string;
  flaggedByName: string;
  flaggedById: number;
  specialistId: number;
  flaggedAt: Date;
}

export interface ContactRecord {
  occurredOn: string;
  contactType: string;
}
