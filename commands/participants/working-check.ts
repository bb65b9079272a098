// The one-off check behind `npm run check:working`: participants whose stored status says one
// thing and whose job starts another, from data recorded before a status could only follow a job
// start. Codes and statuses only; the operator fixes each with `job start`, `job end` or `status`.
import { statusAgreesWithCurrentJob } from "../rules/working.ts";

export interface StatusAndJob {
  clinicName: string;
  code: string;
  status: string;
  currentJobKind: string | null;
}

export function workingDisagreements(rows: readonly StatusAndJob[]): StatusAndJob[] {
  return rows.filter((row) => !statusAgreesWithCurrentJob(row.status, row.currentJobKind));
}

/** One line per disagreement, and what to do about it. */
export function describeDisagreement(row: StatusAndJob): string {
  const job = row.currentJobKind === null ? "no current job" : `a current ${row.currentJobKind} job`;
  const fix =
    row.currentJobKind === null
      ? `record the job with /ips job start ${row.code} …, or set the status the participant really has`
      : `end the job with /ips job end ${row.code}, or record the status the job gives`;
  return `${row.clinicName}: ${row.code} has the status ${row.status} but ${job}; ${fix}.`;
}
