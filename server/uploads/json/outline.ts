import { findJsonErrorOffset } from "~/server/uploads/parsers/json-error-offset";
import type { ByteSource } from "./byte-source";
import { emptyUpload } from "./messages";
import { JsonScanner } from "./scanner";
import { JsonReadError } from "./read-error";

// The first pass over a report too large to hold: the whole document except the lists read item
// by item, which keep only their first item (enough to recognise the format) and their length.
// Format detection and every per-report fact (tool, version, the SARIF runs' tools) read this
// outline; the second pass (items.ts) then streams the lists.

export interface Outline {
  doc: unknown;
  /** Length of each item list, by its path joined with "." ("runs.0.results"). */
  listLengths: Map<string, number>;
}

// Lists that are not read item by item (a SARIF run's taxonomies, say) keep this many items, and
// the outline is at most this large: a report is its lists, not its frame.
const OTHER_LIST_ITEMS = 5_000;
const MAX_OUTLINE_BYTES = 64 * 1024 * 1024;

export async function readOutline(source: ByteSource, itemSelectors: readonly (readonly string[])[]): Promise<Outline> {
  const scanner = new JsonScanner({
    selectors: itemSelectors,
    names: itemSelectors.map((s) => s.join(".")),
    mode: "outline",
    keepListed: 1,
    keepOther: OTHER_LIST_ITEMS,
  });
  let keptBytes = 0;
  for await (const chunk of source()) {
    scanner.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    keptBytes = scanner.kept.reduce((sum, part) => sum + part.length, 0);
    if (keptBytes > MAX_OUTLINE_BYTES) {
      throw new JsonReadError(
        "unexpected",
        0,
        "content: more than 64 MB outside the report's lists of findings or components; it does not look like a scan report or SBOM",
      );
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (scanner.isEmpty) throw emptyUpload();
  scanner.end();
  const text = Buffer.concat(scanner.kept).toString("utf8");
  try {
    return { doc: JSON.parse(text) as unknown, listLengths: scanner.listLengths };
  } catch {
    const offset = findJsonErrorOffset(text);
    if (offset >= text.length) throw new JsonReadError("ended", scanner.lineOfKept(text.length, text));
    throw new JsonReadError(
      "unexpected",
      scanner.lineOfKept(Math.max(offset, 0), text),
      JSON.stringify(text.slice(offset, offset + 12)),
    );
  }
}
