import { findJsonErrorOffset } from "~/server/uploads/parsers/json-error-offset";
import type { ByteSource } from "./byte-source";
import { JsonScanner } from "./scanner";
import { splitSelector, matchesSelector, type JsonPath } from "./selectors";
import { JsonReadError } from "./read-error";

export type ItemCallback = (selector: string, item: unknown, path: JsonPath) => void;

// The second pass: every item of the lists the selectors name, one at a time and in file order,
// each read by JSON.parse from its own bytes, so memory holds one item, not the list.
export async function streamItems(
  source: ByteSource,
  selectors: readonly string[],
  onItem: ItemCallback,
  afterChunk?: () => Promise<void>,
): Promise<void> {
  const scanner = new JsonScanner({
    selectors: selectors.map(splitSelector),
    names: selectors,
    mode: "items",
    onItem: (selector, text, path, line) => {
      let item: unknown;
      try {
        item = JSON.parse(text);
      } catch {
        const offset = findJsonErrorOffset(text);
        let lines = line;
        for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
        throw new JsonReadError("unexpected", lines, JSON.stringify(text.slice(offset, offset + 12)));
      }
      onItem(selector, item, path);
    },
  });
  for await (const chunk of source()) {
    scanner.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (afterChunk) await afterChunk();
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }
  scanner.end();
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
