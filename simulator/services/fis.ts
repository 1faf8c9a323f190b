import { SERVICES } from "../catalog";
import { chaos, type Experiment, type ExperimentTemplate } from "../data/chaos";
import { SimError } from "../errors";
import { restJsonProtocol, type RestRoute } from "../protocols/rest-json";
import { paginate } from "./pagination";
import type { OperationHandler, ServiceImpl } from "./types";

const routes: RestRoute[] = [
  { method: "GET", path: "/experimentTemplates", action: "ListExperimentTemplates" },
  { method: "GET", path: "/experimentTemplates/{id}", action: "GetExperimentTemplate" },
  { method: "GET", path: "/experiments", action: "ListExperiments" },
  { method: "GET", path: "/experiments/{id}", action: "GetExperiment" },
];

const invalidToken = () => new SimError("ValidationException", "The nextToken is not valid.", 400);
const options = { experimentOptions: { accountTargeting: "single-account", emptyTargetResolutionMode: "fail" } };

function targets(t: ExperimentTemplate) {
  return {
    [`${t.actionName}-targets`]: { resourceType: t.resourceType, resourceTags: t.targetTags, selectionMode: "PERCENT(30)" },
  };
}

function actions(t: ExperimentTemplate, state?: { status: string; reason: string }) {
  return {
    [t.actionName]: {
      actionId: t.actionId,
      parameters: t.parameters,
      targets: { [t.resourceType.split(":").pop() === "pod" ? "Pods" : "Instances"]: `${t.actionName}-targets` },
      ...(state ? { state } : {}),
    },
  };
}

function templateShape(t: ExperimentTemplate) {
  return {
    id: t.id,
    arn: t.arn,
    description: t.description,
    targets: targets(t),
    actions: actions(t),
    stopConditions: t.stopConditions,
    creationTime: t.createdAt,
    lastUpdateTime: t.createdAt,
    roleArn: t.roleArn,
    tags: t.tags,
    ...options,
  };
}

function experimentShape(e: Experiment) {
  return {
    id: e.id,
    arn: e.arn,
    experimentTemplateId: e.template.id,
    roleArn: e.template.roleArn,
    state: { status: e.status, reason: e.reason },
    targets: targets(e.template),
    actions: actions(e.template, { status: e.status, reason: e.reason }),
    stopConditions: e.template.stopConditions,
    creationTime: e.startTime,
    startTime: e.startTime,
    endTime: e.endTime,
    tags: e.tags,
    ...options,
  };
}

const operations: Record<string, OperationHandler> = {
  ListExperimentTemplates: (input, context) => {
    const { templates } = chaos(context.state.data, context.principal.accountId);
    const page = paginate(templates, {
      token: input.string("nextToken"),
      requested: input.number("maxResults"),
      defaultPageSize: 20,
      maxPageSize: 100,
      scope: "templates",
      invalidToken,
    });
    return {
      experimentTemplates: page.items.map((t) => ({
        id: t.id,
        arn: t.arn,
        description: t.description,
        creationTime: t.createdAt,
        lastUpdateTime: t.createdAt,
        tags: t.tags,
      })),
      nextToken: page.nextToken,
    };
  },
  GetExperimentTemplate: (input, context) => {
    const id = input.requiredString("id");
    const template = chaos(context.state.data, context.principal.accountId).templates.find((t) => t.id === id);
    if (!template) throw new SimError("ResourceNotFoundException", `Experiment template ${id} not found.`, 404);
    return { experimentTemplate: templateShape(template) };
  },
  ListExperiments: (input, context) => {
    const templateId = input.string("experimentTemplateId");
    const all = chaos(context.state.data, context.principal.accountId).experiments.filter(
      (e) => !templateId || e.template.id === templateId,
    );
    const page = paginate(all, {
      token: input.string("nextToken"),
      requested: input.number("maxResults"),
      defaultPageSize: 20,
      maxPageSize: 100,
      scope: `experiments:${templateId ?? ""}`,
      invalidToken,
    });
    return {
      experiments: page.items.map((e) => ({
        id: e.id,
        arn: e.arn,
        experimentTemplateId: e.template.id,
        state: { status: e.status, reason: e.reason },
        creationTime: e.startTime,
        tags: e.tags,
        ...options,
      })),
      nextToken: page.nextToken,
    };
  },
  GetExperiment: (input, context) => {
    const id = input.requiredString("id");
    const experiment = chaos(context.state.data, context.principal.accountId).experiments.find((e) => e.id === id);
    if (!experiment) throw new SimError("ResourceNotFoundException", `Experiment ${id} not found.`, 404);
    return { experiment: experimentShape(experiment) };
  },
};

export const fisService: ServiceImpl = { info: SERVICES.fis, protocol: restJsonProtocol(routes), routes, operations };
