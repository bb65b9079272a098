import path from "node:path";
import { fileURLToPath } from "node:url";

export const TEST_TMP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../.test-tmp");
export const TEMPLATE_DATABASE = path.join(TEST_TMP, "template.db");
