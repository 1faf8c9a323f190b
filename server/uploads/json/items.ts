import { TokenParser } from "@streamparser/json";
import type { ByteSource } from "./byte-source";
import { matchesSelector, splitSelector, type JsonPath } from "./selectors";
import { tokenize } from "./tokenize";

export type ItemCallback = (selector: string, item: unknown, path: JsonPath) => void;

// The second pass: every item of the lists the selectors name, one at a time and in file order;
// each item is dropped once handled (keepStack: false), so memory holds one item, not the list.
export async function streamItems(
  source: ByteSource,
  selectors: readonly string[],
  onItem: ItemCallback,
  afterChunk?: () => Promise<void>,
): Promise<void> {
  const parts = selectors.map(splitSelector);
  let error: Error | undefined;
  const parser = new TokenParser({ paths: selectors.map((s) => `$.${s}`), keepStack: false });
  parser.onValue = ({ value, key, stack }) => {
    const path: (string | number)[] = [];
    for (let i = 1; i < stack.length; i++) path.push(stack[i]!.key as string | number);
    path.push(key as string | number);
    const index = parts.findIndex((selector) => matchesSelector(selector, path));
    if (index >= 0) onItem(selectors[index]!, value, path);
  };
  parser.onError = (e) => (error ??= e);
  parser.onEnd = () => undefined;
  await tokenize(source, (token) => parser.write(token), {
    error: () => error,
    end: () => !parser.isEnded && parser.end(),
    ...(afterChunk ? { afterChunk } : {}),
  });
}

/** The same items from a document already in memory, in document order. */
export function walkItems(doc: unknown, selectors: readonly string[], onItem: ItemCallback): void {
  const parts = selectors.map(splitSelector);
  const visit = (value: unknown, path: (string | number)[]) => {
    const index = parts.findIndex((selector) => matchesSelector(selector, path));
    if (index >= 0) {
      onItem(selectors[index]!, value, [...path]);
      return;
    }
    if (!parts.some((selector) => selector.length > path.length && matchesSelector(selector.slice(0, path.length), path))) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        path.push(i);
        visit(item, path);
        path.pop();
      });
    } else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        path.push(key);
        visit(item, path);
        path.pop();
      }
    }
  };
  visit(doc, []);
}
