// Shared by the server prefetch and the client query, so both build the same query key.
export const AUDIT_PAGE_SIZE = 50;

export const nextAuditCursor = (page: { nextCursor?: string }) => page.nextCursor;
