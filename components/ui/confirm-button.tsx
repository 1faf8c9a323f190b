"use client";

import { useState } from "react";
import { Button } from "./button";

// Destructive actions ask once more, in place, instead of in a modal.
export function ConfirmButton({
  label,
  confirmLabel,
  question,
  onConfirm,
  isPending,
  accessibleName,
}: {
  label: string;
  confirmLabel: string;
  question: string;
  onConfirm: () => void;
  isPending?: boolean;
  accessibleName?: string;
}) {
  const [isAsking, setIsAsking] = useState(false);
  if (!isAsking) {
    return (
      <Button variant="secondary" size="sm" aria-label={accessibleName} onClick={() => setIsAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center justify-end gap-2">
      <span className="text-xs text-slate-600">{question}</span>
      <Button variant="danger" size="sm" isLoading={isPending} onClick={onConfirm}>
        {confirmLabel}
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setIsAsking(false)} disabled={isPending}>
        Cancel
      </Button>
    </span>
  );
}
