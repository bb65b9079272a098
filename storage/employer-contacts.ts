import { appendAuditEvent } from "./audit.ts";
import type { Db } from "./database.ts";
import { upsertEmployer } from "./employers.ts";
import { isUniqueViolation } from "./unique-violation.ts";
import type { Actor, ContactRecord } from "./records.ts";

export interface NewEmployerContact {
  clinicId: number;
  specialistId: number;
  employerName: string;
  employerKey: string;
  participantId: number | undefined;
  contactType: string;
  occurredOn: string;
  note: string | undefined;
  /** Identifies a delivery that may be repeated (a modal submission); a repeat is not stored twice. */
  requestKey: string | undefined;
}

export function employerContactRepository(db: Db) {
  return {
    /** Stores the contact (and the employer, if new); false when the request was already stored. */
    async log(contact: NewEmployerContact, actor: Actor, at: Date): Promise<boolean> {
      const { employerName, employerKey, clinicId, ...rest } = contact;
      try {
        await db.$transaction(async (tx) => {
          const employer = await upsertEmployer(tx, clinicId, employerName, employerKey);
          const stored = await tx.employerContact.create({ data: { ...rest, clinicId, employerId: employer.id } });
          await appendAuditEvent(tx, actor, at, "employer-contact.logged", { type: "employer-contact", id: stored.id, clinicId, participantId: stored.participantId }, {
            employerId: employer.id,
            participantId: stored.participantId,
            contactType: stored.contactType,
            occurredOn: stored.occurredOn,
          });
        });
        return true;
      } catch (error) {
        if (contact.requestKey && isUniqueViolation(error)) return false;
        throw error;
      }
    },

    async bySpecialistBetween(specialistId: number, from: string, to: string): Promise<ContactRecord[]> {
      return db.employerContact.findMany({
        where: { specialistId, occurredOn: { gte: from, lte: to } },
        select: { occurredOn: true, contactType: true },
      });
    },

    /** The participant's employer contacts: their type and day. */
    async forParticipant(participantId: number): Promise<{ contactType: string; occurredOn: string }[]> {
      return db.employerContact.findMany({ where: { participantId }, select: { contactType: true, occurredOn: true } });
    },
  };
}
