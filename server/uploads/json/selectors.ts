// Item selectors name the lists a report is read from one item at a time ("runs.*.results.*":
// every result of every run). A path is the keys and indices from the root to a value.
export type JsonPath = readonly (string | number)[];

export function matchesSelector(selector: readonly string[], path: JsonPath): boolean {
  if (selector.length !== path.length) return false;
  for (let i = 0; i < selector.length; i++) {
    const part = selector[i]!;
    if (part !== "*" && part !== String(path[i])) return false;
  }
  return true;
}

export const splitSelector = (selector: string): string[] => (selector === "" ? [] : selector.split("."));

/** The selector an item path matches, or undefined. */
export function selectorOf(selectors: readonly (readonly string[])[], names: readonly string[], path: JsonPath) {
  for (let i = 0; i < selectors.length; i++) if (matchesSelector(selectors[i]!, path)) return names[i];
  return undefined;
}

/** True when `path` is a list whose items a selector reads (the selector minus its last "*"). */
export function isItemList(selectors: readonly (readonly string[])[], path: JsonPath): boolean {
  return selectors.some((s) => s.length === path.length + 1 && s[s.length - 1] === "*" && matchesSelector(s.slice(0, -1), path));
}
