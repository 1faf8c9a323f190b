import { SimError } from "../errors";

/** Typed reads of a request's decoded input, with the service's own validation error. */
export class Input {
  constructor(
    readonly raw: Record<string, unknown>,
    private readonly validationCode = "ValidationException",
  ) {}

  private fail(message: string): never {
    throw new SimError(this.validationCode, message, 400);
  }

  string(name: string): string | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string") this.fail(`${name} must be a string`);
    return value;
  }

  requiredString(name: string): string {
    return (
      this.string(name) ??
      this.fail(
        `1 validation error detected: Value null at '${lowerFirst(name)}' failed to satisfy constraint: Member must not be null`,
      )
    );
  }

  number(name: string): number | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null || value === "") return undefined;
    const parsed = typeof value === "number" ? value : Number(value);
    if (!Number.isFinite(parsed)) this.fail(`${name} must be a number`);
    return parsed;
  }

  boolean(name: string): boolean | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) return undefined;
    return value === true || value === "true";
  }

  /** Lists arrive as JSON arrays, or repeated query parameters joined by commas. */
  strings(name: string): string[] {
    const value = this.raw[name];
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value.map(String);
    return String(value)
      .split(",")
      .filter((s) => s.length > 0);
  }

  object(name: string): Input | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "object" || Array.isArray(value)) this.fail(`${name} must be a structure`);
    return new Input(value as Record<string, unknown>, this.validationCode);
  }

  objects(name: string): Input[] {
    const value = this.raw[name];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) this.fail(`${name} must be a list`);
    return value.map((item) => new Input((item ?? {}) as Record<string, unknown>, this.validationCode));
  }

  withValidationCode(code: string): Input {
    return new Input(this.raw, code);
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
