import { metrics } from "./metrics";
import { registerQueueDepth } from "./queue-metrics";

export const METRICS_CONTENT_TYPE = metrics().registry.contentType;

// The Prometheus text of this process, queue depth included (read from the database now).
export async function scrapeMetrics(): Promise<string> {
  registerQueueDepth();
  return metrics().registry.metrics();
}
