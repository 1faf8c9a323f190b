import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Link, type Span } from "@opentelemetry/api";

// Spans through the OpenTelemetry API only: without a started SDK (no OTLP endpoint) every call
// here is a no-op on a non-recording span, so the code paths stay the same and cost next to nothing.

export const tracer = () => trace.getTracer("ladder");

export interface SpanOptions {
  attributes?: Attributes;
  links?: Link[];
  kind?: SpanKind;
  // A span that starts a trace of its own (a queue task), linked rather than parented.
  root?: boolean;
}

export async function withSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(
    name,
    { attributes: options.attributes, links: options.links, kind: options.kind, root: options.root },
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

// The current trace context as W3C headers, to travel with a queued job.
export function currentTraceCarrier(): Record<string, string> | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? carrier : undefined;
}

// A link to the span a carrier came from (the run that queued a task), if it names one.
export function linkFromCarrier(carrier: Record<string, string> | undefined): Link[] {
  if (!carrier) return [];
  const spanContext = trace.getSpanContext(propagation.extract(context.active(), carrier));
  return spanContext && trace.isSpanContextValid(spanContext) ? [{ context: spanContext }] : [];
}

export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !trace.isSpanContextValid(spanContext)) return undefined;
  return { traceId: spanContext.traceId, spanId: spanContext.spanId };
}

export { SpanKind };
