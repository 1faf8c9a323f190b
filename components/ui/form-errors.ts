// Reads the error data our tRPC error formatter adds: Zod's `fieldErrors`, or an AppError's `field`.
export interface FormError {
  message: string;
  data?: { fieldErrors?: Record<string, string[] | undefined>; field?: string } | null;
}

export function fieldError(error: FormError | null | undefined, field: string): string | undefined {
  if (!error) return undefined;
  const fromZod = error.data?.fieldErrors?.[field]?.[0];
  if (fromZod) return fromZod;
  return error.data?.field === field ? error.message : undefined;
}

// The message to show above the form when no listed field claims the error.
export function formError(error: FormError | null | undefined, fields: string[]): string | undefined {
  if (!error) return undefined;
  return fields.some((f) => fieldError(error, f)) ? undefined : error.message;
}
