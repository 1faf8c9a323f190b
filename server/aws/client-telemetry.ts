import { AsyncLocalStorage } from "node:async_hooks";
import type { MiddlewareStack } from "@smithy/types";
import { metrics } from "~/server/telemetry/metrics";
import { SpanKind, withSpan } from "~/server/telemetry/spans";
import { classifyAwsError } from "./errors";

// Every AWS call, traced and counted from the one client factory: a span per call (service,
// operation, attempts, throttled attempts) around the SDK's retry loop, and per attempt the
// request and throttle counters (Cost Explorer's in requests and dollars, as billed).

interface CallState {
  throttled: number;
}
const currentCall = new AsyncLocalStorage<CallState>();
const CE_REQUEST_USD = 0.01;

interface Metadata {
  $metadata?: { attempts?: number };
}

export function addClientTelemetry(stack: MiddlewareStack<object, object>, service: string): void {
  stack.add(
    (next, context) => (args) => {
      const operation = String(context.commandName ?? "unknown").replace(/Command$/, "");
      const rpcService = String(context.clientName ?? service).replace(/Client$/, "");
      return withSpan(
        `${rpcService}.${operation}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            "rpc.system": "aws-api",
            "rpc.service": rpcService,
            "rpc.method": operation,
            "ladder.aws.client": service,
          },
        },
        async (span) => {
          const state: CallState = { throttled: 0 };
          let attempts: number | undefined;
          try {
            const result = await currentCall.run(state, () => next(args));
            attempts = (result.output as Metadata)?.$metadata?.attempts;
            return result;
          } catch (error) {
            attempts = (error as Metadata)?.$metadata?.attempts;
            span.setAttribute("aws.error.code", classifyAwsError(error).code);
            throw error;
          } finally {
            if (attempts !== undefined) span.setAttribute("aws.attempts", attempts);
            span.setAttribute("aws.throttled_attempts", state.throttled);
            span.setAttribute("aws.throttled", state.throttled > 0);
          }
        },
      );
    },
    { step: "initialize", priority: "high", name: "ladderTraceCall" },
  );
  // Inside the retry loop, outside the deserializer: sees each attempt and the error it parsed.
  stack.add(
    (next) => async (args) => {
      const m = metrics();
      m.awsRequests.inc({ service });
      if (service === "costExplorer") {
        m.costExplorerRequests.inc();
        m.costExplorerDollars.inc(CE_REQUEST_USD);
      }
      try {
        return await next(args);
      } catch (error) {
        if (classifyAwsError(error).kind === "throttled") {
          m.awsThrottled.inc({ service });
          const state = currentCall.getStore();
          if (state) state.throttled++;
        }
        throw error;
      }
    },
    { step: "deserialize", priority: "high", name: "ladderCountAttempts" },
  );
}
