// `npm run backup -- <file>` and `npm run restore -- <file>` (storage/backup.ts), on the database
// DATABASE_URL names. Exit code 0 on success, 1 when refused (the reason on stderr).
import { backupDatabase, BackupRefused, restoreDatabase } from "../storage/backup.ts";
import { DEFAULT_DATABASE_URL, sqliteFilePath } from "../storage/database-url.ts";

const [command, file] = process.argv.slice(2);
const databaseFile = sqliteFilePath(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);

try {
  if ((command !== "backup" && command !== "restore") || !file) throw new BackupRefused("usage: npm run backup -- <file>  |  npm run restore -- <file>");
  const report = command === "backup" ? await backupDatabase(databaseFile, file) : await restoreDatabase(file, databaseFile);
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: "info", message: command === "backup" ? "backup written" : "backup restored", ...report })}\n`);
} catch (error) {
  if (!(error instanceof BackupRefused)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
