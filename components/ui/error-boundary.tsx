"use client";

import { useQueryErrorResetBoundary } from "@tanstack/react-query";
import { catchError, type ErrorInfo } from "next/error";
import { Alert } from "./alert";
import { Button } from "./button";

// Wraps one panel so a failed query shows its message there instead of taking down the page.
function ErrorFallback(props: { title?: string }, { error, retry }: ErrorInfo) {
  const message = error instanceof Error ? error.message : "Something went wrong while loading this.";
  return (
    <Alert tone="error" title={props.title ?? "This could not be loaded"}>
      <p>{message}</p>
      <RetryButton retry={retry} />
    </Alert>
  );
}

// A failed suspense query stays failed until its reset boundary is reset, so reset before retrying.
function RetryButton({ retry }: { retry: () => void }) {
  const { reset } = useQueryErrorResetBoundary();
  return (
    <Button
      variant="secondary"
      size="sm"
      className="mt-3"
      onClick={() => {
        reset();
        retry();
      }}
    >
      Try again
    </Button>
  );
}

export const ErrorBoundary = catchError(ErrorFallback);
