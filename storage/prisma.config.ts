// Prisma CLI configuration. The JS schema engine with the better-sqlite3 driver adapter lets
// `prisma generate` and `prisma migrate deploy` run offline (no native engine download).
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { prepareDatabaseFiles } from "./database-files.ts";
import { DEFAULT_DATABASE_URL, sqliteFilePath } from "./database-url.ts";

// The schema's datasource reads DATABASE_URL; give it the same default the bot uses.
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;
const databaseUrl = process.env.DATABASE_URL;

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "./schema.prisma",
  migrations: { path: "./migrations" },
  adapter: async () => {
    const file = sqliteFilePath(databaseUrl);
    // The same private folder and file the bot makes, when an operator runs the Prisma CLI directly.
    prepareDatabaseFiles(file);
    return new PrismaBetterSQLite3({ url: file });
  },
});
