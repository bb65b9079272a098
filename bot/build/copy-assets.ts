// Part of `npm run build`: copies the data files the compiled bot reads at run time (the prompt
// catalogues, the job types, the Prisma schema and the committed migrations) from the source tree
// into dist/, beside the JavaScript that reads them. Run as dist/bot/build/copy-assets.js.
import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const root = path.dirname(dist);

const ASSETS = ["prompts/messages", "prompts/fidelity", "prompts/job-types.json", "storage/schema.prisma", "storage/migrations"];

for (const asset of ASSETS) {
  const target = path.join(dist, asset);
  rmSync(target, { recursive: true, force: true });
  cpSync(path.join(root, asset), target, { recursive: true });
}
