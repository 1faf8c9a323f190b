// Forms read their values from the DOM at submit time, not from React state, so text typed
// before hydration finishes (slow networks, fast test robots) is still what gets sent.
export function readForm(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  new FormData(form).forEach((value, key) => {
    if (typeof value === "string") values[key] = value;
  });
  return values;
}
