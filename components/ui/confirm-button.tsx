"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "./button";

// Destructive actions ask once more, in place, instead of in a modal. Focus follows the
// question: onto the confirming button when it opens, back to the trigger when it is cancelled.
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
  const hasToggled = useRef(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const questionId = useId();

  useEffect(() => {
    if (!hasToggled.current) return;
    (isAsking ? confirm : trigger).current?.focus();
  }, [isAsking]);

  function toggle(asking: boolean) {
    hasToggled.current = true;
    setIsAsking(asking);
  }

  if (!isAsking) {
    return (
      <Button ref={trigger} variant="secondary" size="sm" aria-label={accessibleName} onClick={() => toggle(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span
      className="inline-flex flex-wrap items-center justify-end gap-2"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !isPending) toggle(false);
      }}
    >
      <span id={questionId} className="text-xs text-slate-600">
        {question}
      </span>
      <Button ref={confirm} variant="danger" size="sm" aria-describedby={questionId} isLoading={isPending} onClick={onConfirm}>
        {confirmLabel}
      </Button>
      <Button variant="ghost" size="sm" onClick={() => toggle(false)} disabled={isPending}>
        Cancel
      </Button>
    </span>
  );
}
