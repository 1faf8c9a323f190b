import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { focusFixture, focusSample } from "~/server/test/focus-files";
import { CsvRecords, type CsvRecord } from "./csv-records";

function readAll(text: string | Buffer, chunkSize: number) {
  const bytes = typeof text === "string" ? Buffer.from(text) : text;
  const records = new CsvRecords();
  const out: { cells: CsvRecord; line: number }[] = [];
  const onRecord = (cells: CsvRecord, line: number) => out.push({ cells, line });
  for (let at = 0; at < bytes.length; at += chunkSize) records.push(bytes.subarray(at, at + chunkSize), onRecord);
  records.end(onRecord);
  return out;
}

// csv-parse, the reference: the same records, with empty cells as null.
const reference = (text: string) =>
  (parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][]).map((r) =>
    r.map((c) => (c === "" ? null : c)),
  );

describe("CSV records", () => {
  const files = {
    "the FOCUS sample": focusSample(),
    "the 1.2 fixture (BOM, CRLF, quoted newlines and quotes)": focusFixture("aws-focus-1.2.csv"),
    "the 1.0 fixture": focusFixture("aws-focus-1.0.csv"),
  };
  for (const [name, text] of Object.entries(files)) {
    it(`reads ${name} as csv-parse does, whatever the chunk boundaries`, () => {
      const expected = reference(text);
      for (const size of [1, 2, 3, 7, 64, 1 << 20]) {
        expect(
          readAll(text, size).map((r) => r.cells),
          `chunks of ${size}`,
        ).toEqual(expected);
      }
    });
  }

  it("numbers each record by the line it starts on, counting line breaks inside quotes", () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n\r\n2,"say ""hi"""\n3,\n"",4';
    expect(readAll(text, 5)).toEqual([
      { cells: ["a", "b"], line: 1 },
      { cells: ["1", "x\r\ny"], line: 2 },
      { cells: ["2", 'say "hi"'], line: 5 },
      { cells: ["3", null], line: 6 },
      { cells: [null, "4"], line: 7 },
    ]);
  });

  it("keeps multi-byte characters split between chunks", () => {
    const text = "name,city\nZoë,Kraków\n";
    expect(readAll(text, 1).map((r) => r.cells)).toEqual([
      ["name", "city"],
      ["Zoë", "Kraków"],
    ]);
  });

  it("refuses a quote that never closes, or text after a closing quote, naming the line", () => {
    expect(() => readAll('a,b\n1,"open\n', 4)).toThrow(/quoted field opened on line 2 never closes/);
    expect(() => readAll('a,b\n1,"x"y\n', 4)).toThrow(/line 2 has “y/);
  });
});
