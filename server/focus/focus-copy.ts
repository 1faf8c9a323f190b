import { once } from "node:events";
import type pg from "pg";
import { from as copyFrom, type CopyStreamQuery } from "pg-copy-streams";
import { FOCUS_ROW_COLUMNS } from "./focus-row";

const FLUSH_CHARACTERS = 1 << 20;
const IN_FLIGHT_CHARACTERS = 8 << 20;

// One COPY into FocusCostRow on the import's transaction, fed as the file is read. Postgres
// takes rows while the next ones are parsed; the reader waits only when several megabytes are
// in flight (back-pressure), so memory stays flat whatever the file's size.
export class FocusCopy {
  private pending = "";
  private copy?: { stream: CopyStreamQuery; done: Promise<void> };

  constructor(private readonly client: pg.PoolClient) {}

  get isCopying(): boolean {
    return this.copy !== undefined;
  }

  add(line: string): void {
    this.pending += line;
  }

  async flush(): Promise<void> {
    if (this.pending.length < FLUSH_CHARACTERS) return;
    await this.write();
  }

  async end(): Promise<void> {
    await this.write();
    const copy = this.copy;
    this.copy = undefined;
    if (!copy) return;
    copy.stream.end();
    await copy.done;
  }

  private async write() {
    if (!this.pending) return;
    const text = this.pending;
    this.pending = "";
    this.copy ??= this.open();
    this.copy.stream.write(text);
    if (this.copy.stream.writableLength > IN_FLIGHT_CHARACTERS) {
      await Promise.race([once(this.copy.stream, "drain"), this.copy.done]);
    }
  }

  private open() {
    const columns = FOCUS_ROW_COLUMNS.map((c) => `"${c}"`).join(", ");
    const stream = this.client.query(copyFrom(`COPY "FocusCostRow" (${columns}) FROM STDIN`));
    const done = new Promise<void>((resolve, reject) => {
      stream.on("finish", resolve);
      stream.on("error", reject);
    });
    done.catch(() => undefined);
    return { stream, done };
  }
}
