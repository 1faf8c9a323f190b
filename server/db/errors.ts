// Prisma's error classes differ between engines and adapters; the code is the stable part.
export function prismaErrorCode(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") return error.code;
  return undefined;
}

export const isUniqueViolation = (error: unknown) => prismaErrorCode(error) === "P2002";
export const isRecordMissing = (error: unknown) => prismaErrorCode(error) === "P2025";
