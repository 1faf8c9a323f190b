import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: (count, error) => count < 2 && !isClientError(error) },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}

// A 4xx will not get better by asking again.
function isClientError(error: unknown): boolean {
  const code = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
  return typeof code === "number" && code >= 400 && code < 500;
}
