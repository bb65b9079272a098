// `npm run check:working`: a one-off report of participants whose stored status disagrees with
// their job starts (see the README, "Who works"). Reads only; exit code 0 when all agree, 1 when
// some disagree, 2 when the database cannot be read.
import { existsSync } from "node:fs";
import { describeDisagreement, workingDisagreements } from "../commands/participants/working-check.ts";
import { openDatabase } from "../storage/database.ts";
import { DEFAULT_DATABASE_URL, sqliteFilePath } from "../storage/database-url.ts";
import { statusesBesideCurrentJobs } from "../storage/working-check.ts";

const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
if (!existsSync(sqliteFilePath(databaseUrl))) {
  process.stderr.write(`No database at ${sqliteFilePath(databaseUrl)}; set DATABASE_URL to the bot's database.\n`);
  process.exit(2);
}
const db = openDatabase(databaseUrl);
try {
  const disagreements = workingDisagreements(await statusesBesideCurrentJobs(db));
  for (const row of disagreements) process.stdout.write(`${describeDisagreement(row)}\n`);
  process.stdout.write(
    disagreements.length === 0
      ? "Every participant's status agrees with their job starts.\n"
      : `${disagreements.length} participant(s) have a status their job starts do not give.\n`,
  );
  process.exitCode = disagreements.length === 0 ? 0 : 1;
} finally {
  await db.$disconnect();
}
