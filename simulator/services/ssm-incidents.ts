import { SERVICES } from "../catalog";
import { type IncidentRecord, incidentRecords } from "../data/incident-records";
import { SimError } from "../errors";
import { restJsonProtocol, type RestRoute } from "../protocols/rest-json";
import type { Input } from "./input";
import { paginate } from "./pagination";
import type { CallContext, OperationHandler, ServiceImpl } from "./types";

// AWS Systems Manager Incident Manager (ssm-incidents 2018-05-10, restJson1): the read-only calls
// Ladder makes. Timestamps travel as epoch seconds, filters as {key, condition: {before | after |
// equals: {stringValues | integerValues}}}; several filters must all match, several values any.

const routes: RestRoute[] = [
  { method: "POST", path: "/listIncidentRecords", action: "ListIncidentRecords" },
  { method: "GET", path: "/getIncidentRecord", action: "GetIncidentRecord" },
  { method: "POST", path: "/listTimelineEvents", action: "ListTimelineEvents" },
  { method: "POST", path: "/listRelatedItems", action: "ListRelatedItems" },
  { method: "GET", path: "/getTimelineEvent", action: "GetTimelineEvent" },
];

const invalidToken = () => new SimError("ValidationException", "The nextToken is not valid.", 400);
const tooLarge = (requested: number) =>
  new SimError(
    "ValidationException",
    `1 validation error detected: Value '${requested}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100`,
    400,
  );
const pageOptions = (input: Input, scope: string) => ({
  token: input.string("nextToken"),
  requested: input.number("maxResults"),
  defaultPageSize: 100,
  maxPageSize: 100,
  scope,
  invalidToken,
  tooLarge,
});

type Predicate = (r: IncidentRecord) => boolean;

function timeCondition(key: string, condition: Input, value: (r: IncidentRecord) => Date | null): Predicate {
  const before = condition.number("before");
  const after = condition.number("after");
  if (before === undefined && after === undefined)
    throw new SimError("ValidationException", `Filter ${key} takes a before or after condition.`, 400);
  return (r) => {
    const t = value(r)?.getTime();
    if (t === undefined) return false;
    return (before === undefined || t < before * 1000) && (after === undefined || t > after * 1000);
  };
}

function equalsCondition(key: string, condition: Input, value: (r: IncidentRecord) => string | number): Predicate {
  const equals = condition.object("equals");
  const strings = equals?.strings("stringValues") ?? [];
  const integers = (equals?.raw.integerValues as unknown[] | undefined)?.map(Number) ?? [];
  if (!strings.length && !integers.length)
    throw new SimError("ValidationException", `Filter ${key} takes an equals condition.`, 400);
  return (r) => {
    const v = value(r);
    return typeof v === "number" ? integers.includes(v) : strings.includes(v);
  };
}

function recordFilter(input: Input): Predicate {
  const predicates = input.objects("filters").map((filter): Predicate => {
    const key = filter.requiredString("key");
    const condition = filter.object("condition");
    if (!condition) throw new SimError("ValidationException", `Filter ${key} has no condition.`, 400);
    switch (key) {
      case "creationTime":
        return timeCondition(key, condition, (r) => r.creationTime);
      case "resolvedTime":
        return timeCondition(key, condition, (r) => r.resolvedTime);
      case "status":
        return equalsCondition(key, condition, (r) => r.status);
      case "impact":
        return equalsCondition(key, condition, (r) => r.impact);
      case "createdBy":
        return equalsCondition(key, condition, (r) => r.createdBy);
      default:
        throw new SimError("ValidationException", `Unsupported filter key ${key}.`, 400);
    }
  });
  return (r) => predicates.every((p) => p(r));
}

function source(r: IncidentRecord) {
  return {
    createdBy: r.createdBy,
    invokedBy: r.invokedBy,
    source: r.source,
    ...(r.resourceArn ? { resourceArn: r.resourceArn } : {}),
  };
}

function findRecord(context: CallContext, arn: string): IncidentRecord {
  const record = incidentRecords(context.state.data, context.principal.accountId).find((r) => r.arn === arn);
  if (!record)
    throw new SimError("ResourceNotFoundException", `Incident record ${arn} does not exist.`, 404, {
      resourceIdentifier: arn,
      resourceType: "INCIDENT_RECORD",
    });
  return record;
}

const operations: Record<string, OperationHandler> = {
  ListIncidentRecords: (input, context) => {
    const filters = input.objects("filters");
    const matching = incidentRecords(context.state.data, context.principal.accountId).filter(recordFilter(input));
    const page = paginate(matching, pageOptions(input, `records:${JSON.stringify(filters.map((f) => f.raw))}`));
    return {
      incidentRecordSummaries: page.items.map((r) => ({
        arn: r.arn,
        title: r.title,
        status: r.status,
        impact: r.impact,
        creationTime: r.creationTime,
        ...(r.resolvedTime ? { resolvedTime: r.resolvedTime } : {}),
        incidentRecordSource: source(r),
      })),
      nextToken: page.nextToken,
    };
  },
  GetIncidentRecord: (input, context) => {
    const r = findRecord(context, input.requiredString("arn"));
    return {
      incidentRecord: {
        arn: r.arn,
        title: r.title,
        summary: r.summary,
        status: r.status,
        impact: r.impact,
        creationTime: r.creationTime,
        ...(r.resolvedTime ? { resolvedTime: r.resolvedTime } : {}),
        lastModifiedTime: r.lastModifiedTime,
        lastModifiedBy: r.createdBy,
        incidentRecordSource: source(r),
        dedupeString: r.dedupeString,
        automationExecutions: [],
        notificationTargets: [],
      },
    };
  },
  ListTimelineEvents: (input, context) => {
    const arn = input.requiredString("incidentRecordArn");
    const record = findRecord(context, arn);
    const descending = input.string("sortOrder") === "DESCENDING";
    const events = descending ? [...record.timeline].reverse() : record.timeline;
    const page = paginate(events, pageOptions(input, `timeline:${arn}:${descending}`));
    // The listing gives each event's type and references; its text (eventData) is only in GetTimelineEvent.
    return {
      eventSummaries: page.items.map((e) => ({
        incidentRecordArn: arn,
        eventId: e.id,
        eventTime: e.time,
        eventUpdatedTime: e.time,
        eventType: e.type,
        eventReferences: e.resources.map((resource) => ({ resource })),
      })),
      nextToken: page.nextToken,
    };
  },
  // Not called by Ladder (its role lacks the permission); served so the event text can be read by hand.
  GetTimelineEvent: (input, context) => {
    const arn = input.requiredString("incidentRecordArn");
    const id = input.requiredString("eventId");
    const event = findRecord(context, arn).timeline.find((e) => e.id === id);
    if (!event) throw new SimError("ResourceNotFoundException", `Timeline event ${id} does not exist.`, 404);
    return {
      event: {
        incidentRecordArn: arn,
        eventId: event.id,
        eventTime: event.time,
        eventUpdatedTime: event.time,
        eventType: event.type,
        eventData: event.data,
        eventReferences: event.resources.map((resource) => ({ resource })),
      },
    };
  },
  ListRelatedItems: (input, context) => {
    const arn = input.requiredString("incidentRecordArn");
    const page = paginate(findRecord(context, arn).relatedItems, pageOptions(input, `related:${arn}`));
    return {
      relatedItems: page.items.map((item) => ({
        identifier: { type: item.type, value: { arn: item.arn } },
        title: item.title,
        generatedId: item.generatedId,
      })),
      nextToken: page.nextToken,
    };
  },
};

export const ssmIncidentsService: ServiceImpl = {
  info: SERVICES.ssmIncidents,
  protocol: restJsonProtocol(routes),
  routes,
  operations,
};
