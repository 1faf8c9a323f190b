import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { authenticate } from "./auth";
import { CONTROL_PREFIX, handleControl } from "./control";
import { SimError } from "./errors";
import { accessDenied } from "./faults";
import type { RawRequest, ReplyContext } from "./protocols/types";
import { Input } from "./services/input";
import { routeService } from "./services/registry";
import type { CallContext, ServiceImpl } from "./services/types";
import { parseAuthorization } from "./sigv4";
import type { SimulatorState } from "./state";

export function createSimulatorServer(state: SimulatorState): Server {
  return createServer((req, res) => {
    const handle = req.url?.startsWith(CONTROL_PREFIX) ? handleControl : handleRequest;
    handle(state, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(error instanceof Error ? error.message : "internal error");
    });
  });
}

async function readRequest(req: IncomingMessage): Promise<RawRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const rawUrl = req.url ?? "/";
  const url = new URL(rawUrl, "http://simulator.local");
  return {
    method: req.method ?? "GET",
    rawUrl,
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body: Buffer.concat(chunks),
  };
}

async function handleRequest(state: SimulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const request = await readRequest(req);
  const requestId = randomUUID();
  const auth = parseAuthorization(typeof req.headers.authorization === "string" ? req.headers.authorization : undefined);
  const service = routeService(request, auth);
  if (!service) {
    const body = JSON.stringify({ message: `The simulator does not serve ${auth?.service ?? "this request"}` });
    res.writeHead(400, { "content-type": "application/json", "x-amzn-errortype": "UnknownServiceException" });
    res.end(body);
    return;
  }
  const reply: ReplyContext = { service: service.info, action: "", requestId };
  try {
    const call = service.protocol.parse(request);
    reply.action = call.action;
    state.countCall(service.info.signingName, call.action);
    const output = await invoke(state, service, request, auth?.region ?? "us-east-1", call.action, call.input, requestId, auth);
    service.protocol.writeResult(res, reply, output);
  } catch (error) {
    const simError = error instanceof SimError ? error : new SimError("InternalFailure", String(error), 500);
    service.protocol.writeError(res, reply, simError);
  }
}

async function invoke(
  state: SimulatorState,
  service: ServiceImpl,
  request: RawRequest,
  region: string,
  action: string,
  input: Record<string, unknown>,
  requestId: string,
  auth: ReturnType<typeof parseAuthorization>,
): Promise<unknown> {
  const principal = authenticate(state, service.info, request, auth);
  const handler = service.operations[action];
  if (!handler) {
    const code = service.info.protocol === "aws-query" ? "InvalidAction" : "UnknownOperationException";
    throw new SimError(code, `Could not find operation ${action} for version`, 400);
  }
  const fault = state.faults.evaluate(
    { service: service.info, action, accountId: principal.accountId, principalArn: principal.arn },
    Date.now(),
  );
  if (fault.delayMs > 0) await sleep(fault.delayMs);
  if (fault.error) throw fault.error;
  const iamAction = `${service.info.iamPrefix}:${action}`;
  if (principal.denied.has(iamAction)) throw accessDenied(service.info, principal.arn, iamAction);
  const validationCode = service.info.protocol === "aws-query" ? "ValidationError" : "ValidationException";
  const context: CallContext = { state, principal, service: service.info, action, region, requestId };
  const output = await handler(new Input(input, validationCode), context);
  state.countServed(principal.accountId, service.info.signingName);
  return output;
}
