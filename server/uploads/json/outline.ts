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

/** The outline of a report read chunk by chunk: as it arrives (uploads) or from a source. */
export class OutlineReader {
  private readonly scanner: JsonScanner;
  private keptBytes = 0;

  constructor(itemSelectors: readonly (readonly string[])[]) {
    this.scanner = new JsonScanner({
      selectors: itemSelectors,
      names: itemSelectors.map((s) => s.join(".")),
      mode: "outline",
      keepListed: 1,
      keepOther: OTHER_LIST_ITEMS,
    });
  }

  write(chunk: Uint8Array): void {
    const before = this.scanner.kept.length;
    this.scanner.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    for (let i = before; i < this.scanner.kept.length; i++) this.keptBytes += this.scanner.kept[i]!.length;
    if (this.keptBytes > MAX_OUTLINE_BYTES) {
      throw new JsonReadError(
        "unexpected",
        0,
        "content: more than 64 MB outside the report's lists of findings or components; it does not look like a scan report or SBOM",
      );
    }
  }

  finish(): Outline {
    const { scanner } = this;
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
}

export async function readOutline(source: ByteSource, itemSelectors: readonly (readonly string[])[]): Promise<Outline> {
  const reader = new OutlineReader(itemSelectors);
  for await (const chunk of source()) {
    reader.write(chunk);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return reader.finish();
}
