import type { ServiceInfo } from "../catalog";
import type { Principal } from "../principals";
import type { RestRoute } from "../protocols/rest-json";
import type { Protocol } from "../protocols/types";
import type { SimulatorState } from "../state";
import type { Input } from "./input";

export interface CallContext {
  state: SimulatorState;
  principal: Principal;
  service: ServiceInfo;
  action: string;
  region: string;
  requestId: string;
}

export type OperationHandler = (input: Input, context: CallContext) => unknown;

export interface ServiceImpl {
  info: ServiceInfo;
  protocol: Protocol;
  routes?: readonly RestRoute[];
  operations: Record<string, OperationHandler>;
}
