import { TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { isRecordMissing, isUniqueViolation } from "~/server/db/errors";
import { AppError } from "~/server/errors";

// The one place where errors become what a person (or a CI script) reads.
export function toTRPCError(error: unknown): TRPCError | undefined {
  if (error instanceof TRPCError && error.cause instanceof ZodError) {
    return new TRPCError({ code: "BAD_REQUEST", message: zodMessage(error.cause), cause: error.cause });
  }
  if (error instanceof TRPCError) return error.cause ? (toTRPCError(error.cause) ?? error) : error;
  if (error instanceof AppError) return new TRPCError({ code: error.code, message: error.message, cause: error });
  if (isUniqueViolation(error)) {
    return new TRPCError({ code: "CONFLICT", message: "That already exists.", cause: error as Error });
  }
  if (isRecordMissing(error)) return new TRPCError({ code: "NOT_FOUND", message: "That was not found.", cause: error as Error });
  return undefined;
}

// The `Retry-After` of a refused request (a throttled sign-in), wherever the AppError sits.
export function retryAfterSeconds(error: unknown): number | undefined {
  if (error instanceof AppError) return error.retryAfterSeconds;
  if (error instanceof TRPCError) return retryAfterSeconds(error.cause);
  return undefined;
}

export interface ErrorShapeData {
  fieldErrors?: Record<string, string[] | undefined>;
  field?: string;
}

export function errorData(error: TRPCError): ErrorShapeData {
  if (error.cause instanceof ZodError)
    return { fieldErrors: z.flattenError(error.cause).fieldErrors as Record<string, string[]> };
  if (error.cause instanceof AppError && error.cause.field) return { field: error.cause.field };
  return {};
}

function zodMessage(error: ZodError): string {
  return [...new Set(error.issues.map((i) => i.message))].join(" ") || "Some fields are not valid.";
}

export function publicMessage(error: TRPCError, isProduction: boolean): string {
  if (error.cause instanceof ZodError) return zodMessage(error.cause);
  if (error.code === "INTERNAL_SERVER_ERROR" && isProduction) {
    return "Something went wrong on our side. Try again; if it keeps happening, check the server log.";
  }
  return error.message;
}
