import { defineConfig } from "vitest/config";

/**
 * The Slack use-case suites run a second time with Slack over Socket Mode (envelopes on a WebSocket
 * to a stand-in of Slack's service) instead of signed HTTP requests: every command, button, form,
 * the Home tab and the scheduled posts must work the same both ways. Suites about HTTP itself
 * (signatures, bodies, status codes) and the Teams-only suites run once.
 */
export const SOCKET_MODE_SUITES = [
  "admin-roles",
  "agenda-post-and-home",
  "audit-listing",
  "clinic-channels",
  "commands-and-locales",
  "employer-contacts",
  "fidelity-multi-clinic",
  "fidelity-review",
  "fidelity-review-swedish",
  "form-validation",
  "identity-number-paths",
  "job-starts",
  "markup-injection",
  "meeting-flags",
  "participant-erasure",
  "participant-export",
  "participants",
  "permission-matrix",
  "rate-definitions",
  "reader-language",
  "redelivery",
  "scheduled-post-reliability",
  "smoke",
  "weekly-digest",
  "working-check",
  "workspace-isolation",
].map((name) => `test/e2e/${name}.test.ts`);

export default defineConfig({
  test: {
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "main", include: ["test/**/*.test.ts"] } },
      { extends: true, test: { name: "slack-socket-mode", include: SOCKET_MODE_SUITES, env: { IPSBOT_TEST_SLACK_TRANSPORT: "socket" } } },
    ],
  },
});
