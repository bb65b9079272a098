import path from "node:path";
import { fileURLToPath } from "node:url";

// One folder per test run (set by global-setup, inherited by the test workers), so two runs
// on one machine never delete each other's databases.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../.test-tmp");
process.env.IPSBOT_TEST_RUN_DIR ??= path.join(root, `run-${process.pid}-${Date.now()}`);

export const TEST_TMP = process.env.IPSBOT_TEST_RUN_DIR;
export const TEMPLATE_DATABASE = path.join(TEST_TMP, "template.db");
