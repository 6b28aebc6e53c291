import { mkdir, open, appendFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Append-only JSON Lines storage, one record per line, fsync'd before an append resolves, so a
 * record is durable before the server acknowledges it.
 *
 * On open the file is re-indexed. Bytes after the last newline are a torn write (the process died
 * mid-append, before acknowledging): they are appended to `<file>.corrupt` (kept, never deleted)
 * and truncated away. A complete line that does not parse (edited by hand, disk trouble) stays
 * where it is and is skipped and counted; the data file is never rewritten. A failed append is
 * truncated back to the last good length, so a later append never glues onto a half-written line.
 *
 * Appends are serialised and deduplicated by `id` inside the queue: two concurrent requests with
 * the same key store one record, the second learns it is a duplicate.
 */
export interface StoredRecord {
  id: string;
}

export type AppendResult = 'stored' | 'duplicate';

export interface OpenReport {
  records: number;
  /** Complete lines that do not parse (left in place, skipped). */
  unreadable: number;
  /** Bytes of a torn last line, moved to the `.corrupt` side file and truncated. */
  tornBytes: number;
  /** Later copies of an id already seen (kept in the file, ignored). */
  duplicates: number;
}

export class JsonlStore<T extends StoredRecord> {
  readonly #path: string;
  readonly #handle: FileHandle;
  #size: number;
  readonly #records: T[] = [];
  readonly #ids = new Set<string>();
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  private constructor(path: string, handle: FileHandle, size: number) {
    this.#path = path;
    this.#handle = handle;
    this.#size = size;
  }

  static async open<T extends StoredRecord>(path: string): Promise<{ store: JsonlStore<T>; report: OpenReport }> {
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(path, 'a+').then(async (created) => {
      // 'a+' creates the file; reopen as 'r+' so writes go to an explicit position we can truncate back to.
      await created.close();
      return open(path, 'r+');
    });
    try {
      await syncDirectory(dirname(path));
      const content = await handle.readFile();
      const lastNewline = content.lastIndexOf(0x0a);
      const goodLength = lastNewline + 1;
      const store = new JsonlStore<T>(path, handle, goodLength);
      const report: OpenReport = { records: 0, unreadable: 0, tornBytes: 0, duplicates: 0 };
      let start = 0;
      while (start < goodLength) {
        const end = content.indexOf(0x0a, start);
        const line = content.subarray(start, end);
        start = end + 1;
        if (line.length === 0) continue;
        const record = parseRecord<T>(line);
        if (!record) report.unreadable += 1;
        else if (store.#ids.has(record.id)) report.duplicates += 1;
        else {
          store.#ids.add(record.id);
          store.#records.push(record);
        }
      }
      if (goodLength < content.length) {
        // Keep the evidence first (flushed), then cut the torn tail.
        const torn = content.subarray(goodLength);
        await appendFile(`${path}.corrupt`, Buffer.concat([torn, Buffer.from('\n')]), { flush: true });
        report.tornBytes = torn.length;
        await handle.truncate(goodLength);
        await handle.sync();
      }
      report.records = store.#records.length;
      return { store, report };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  get path(): string {
    return this.#path;
  }

  get size(): number {
    return this.#records.length;
  }

  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /** Every stored record, in arrival order. Do not mutate. */
  all(): readonly T[] {
    return this.#records;
  }

  /** Resolves once the record is on disk (written and fsync'd), or tells that the id is already stored. */
  append(record: T): Promise<AppendResult> {
    const run = this.#queue.then(() => this.#write(record));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #write(record: T): Promise<AppendResult> {
    if (this.#closed) throw new Error('store closed');
    if (this.#ids.has(record.id)) return 'duplicate';
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    try {
      let written = 0;
      while (written < line.length) {
        const { bytesWritten } = await this.#handle.write(line, written, line.length - written, this.#size + written);
        written += bytesWritten;
      }
      await this.#handle.sync();
    } catch (error) {
      await this.#handle.truncate(this.#size).catch(() => undefined);
      throw error;
    }
    this.#size += line.length;
    this.#ids.add(record.id);
    this.#records.push(record);
    return 'stored';
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    await this.#queue;
    this.#closed = true;
    await this.#handle.close();
  }
}

function parseRecord<T extends StoredRecord>(line: Buffer): T | null {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(line));
    if (value && typeof value === 'object' && typeof (value as StoredRecord).id === 'string') return value as T;
  } catch {
    // fall through
  }
  return null;
}

/** Makes a newly created file's directory entry durable (Linux; a no-op where directories can't be opened). */
async function syncDirectory(path: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch {
    // Windows cannot fsync a directory; nothing more to do there.
  } finally {
    await handle?.close();
  }
}
