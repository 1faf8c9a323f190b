import { TokenParser, TokenType } from "@streamparser/json";
import type { ParsedTokenInfo } from "@streamparser/json";
import { AppError } from "~/server/errors";
import type { ByteSource } from "./byte-source";
import { emptyUpload } from "./messages";
import { JsonReadError, tokenize } from "./tokenize";
import { isItemList, type JsonPath } from "./selectors";

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
// the outline holds at most this many values: a report is its lists, not its frame.
const OTHER_LIST_ITEMS = 5_000;
const MAX_OUTLINE_VALUES = 2_000_000;

interface Frame {
  path: JsonPath;
  isArray: boolean;
  index: number;
  keep: number;
  key?: string;
  isItemList: boolean;
  sawItem?: boolean;
}

export async function readOutline(source: ByteSource, itemSelectors: readonly (readonly string[])[]): Promise<Outline> {
  const listLengths = new Map<string, number>();
  const frames: Frame[] = [];
  let skipDepth = 0;
  let skipNext = false;
  let values = 0;
  let doc: unknown;
  let error: Error | undefined;

  const parser = new TokenParser({ paths: ["$"], keepStack: true });
  parser.onValue = ({ value }) => {
    doc = value;
  };
  parser.onError = (e) => (error ??= e);
  parser.onEnd = () => undefined;

  const childPath = (): JsonPath => {
    const parent = frames[frames.length - 1];
    if (!parent) return [];
    return [...parent.path, parent.isArray ? parent.index : (parent.key ?? "")];
  };

  const onToken = (info: ParsedTokenInfo): void => {
    const { token } = info;
    if (skipDepth > 0) {
      if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) skipDepth++;
      else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) skipDepth--;
      return;
    }
    if (skipNext) {
      skipNext = false;
      if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) skipDepth = 1;
      return;
    }
    const frame = frames[frames.length - 1];
    if (token === TokenType.COMMA && frame) {
      if (frame.isArray) {
        frame.index++;
        if (frame.index >= frame.keep) {
          skipNext = true;
          return;
        }
      } else frame.key = undefined;
    } else if (token === TokenType.STRING && frame && !frame.isArray && frame.key === undefined) {
      frame.key = info.value as string;
    } else if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
      const path = childPath();
      const isArray = token === TokenType.LEFT_BRACKET;
      const itemList = isArray && isItemList(itemSelectors, path);
      frames.push({ path, isArray, index: 0, keep: itemList ? 1 : OTHER_LIST_ITEMS, isItemList: itemList });
    } else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) {
      const closed = frames.pop();
      if (closed?.isItemList) listLengths.set(closed.path.join("."), closed.index + (closed.sawItem ? 1 : 0));
    }
    if (frame?.isArray && frame.index === 0 && token !== TokenType.RIGHT_BRACKET) frame.sawItem = true;
    if (++values > MAX_OUTLINE_VALUES) {
      throw new AppError(
        "BAD_REQUEST",
        "The report has more values outside its lists of findings or components than Ladder reads; it does not look like a scan report or SBOM.",
      );
    }
    parser.write(info);
  };
  await tokenize(source, onToken, { error: () => error, end: () => !parser.isEnded && parser.end() });
  if (values === 0) throw emptyUpload();
  if (doc === undefined) throw new JsonReadError("ended", 1);
  return { doc, listLengths };
}
