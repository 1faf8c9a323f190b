/** A failure the simulator answers with; each protocol renders it the way its service would. */
export class SimError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fault: "Sender" | "Receiver";
  readonly fields: Record<string, unknown>;

  constructor(code: string, message: string, status = 400, fields: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.status = status;
    this.fault = status >= 500 ? "Receiver" : "Sender";
    this.fields = fields;
  }
}

export function validationError(message: string, code = "ValidationException"): SimError {
  return new SimError(code, message, 400);
}

export function notFound(code: string, message: string, status = 400): SimError {
  return new SimError(code, message, status);
}
