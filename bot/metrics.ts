// /metrics in Prometheus text format (prom-client): requests by platform, kind, name (command key,
// action id or form id, never what was typed) and outcome, with latency histograms; scheduled posts
// by kind and outcome; retried calls to the platforms; and the process's own figures.
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import type { Metrics } from "../commands/ports.ts";

export interface PrometheusMetrics extends Metrics {
  contentType: string;
  render(): Promise<string>;
}

export function prometheusMetrics(): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "ipsbot_" });
  const requests = new Counter({
    name: "ipsbot_requests_total",
    help: "Commands, button clicks, form submissions and Home tab views handled, by how they ended (ok, refused, error, repeat).",
    labelNames: ["platform", "kind", "name", "outcome"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "ipsbot_request_duration_seconds",
    help: "Time to handle a command, click, form or Home tab view, from dispatch to the reply.",
    labelNames: ["platform", "kind"] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const scheduledPosts = new Counter({
    name: "ipsbot_scheduled_posts_total",
    help: "Scheduled posts (digest, agenda) by outcome: posted, not-ours (another process has it), failed (retried later), channel-gone, missed.",
    labelNames: ["kind", "status"] as const,
    registers: [registry],
  });
  const retries = new Counter({
    name: "ipsbot_platform_retries_total",
    help: "Failed calls to a platform's API that were retried (Slack: each failed Web API attempt; Teams: each Bot Connector retry).",
    labelNames: ["platform"] as const,
    registers: [registry],
  });
  return {
    request({ platform, kind, name, outcome }, seconds) {
      requests.inc({ platform, kind, name, outcome });
      latency.observe({ platform, kind }, seconds);
    },
    scheduledPost: (kind, status) => scheduledPosts.inc({ kind, status }),
    retry: (platform) => retries.inc({ platform }),
    contentType: registry.contentType,
    render: () => registry.metrics(),
  };
}
