/**
 * Records spooled to a temporary file and read back in order, synchronously: a workbook's sheet is read
 * asynchronously (zip), the import's transaction reads rows synchronously, and a million rows must not wait
 * in memory. One JSON text a line (JSON escapes line breaks in strings, so "\n" ends a record).
 *
 * The file holds personal data, so it never outlives its reader: it is removed as soon as it is opened (the
 * open descriptor keeps it readable; on a system that refuses, it is removed on close), and the descriptor is
 * closed when the reader is done, fails or is dropped. A worker ended mid-import leaves no file behind.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Bytes written or read at a time. */
const BLOCK = 1 << 16;

/** Closes the descriptor of a spool that was dropped without `close()` (a reader abandoned half-way). */
const dropped = new FinalizationRegistry<{ fd: number; file: string | null }>((held) => release(held.fd, held.file));

function release(fd: number, file: string | null): void {
  try {
    fs.closeSync(fd);
  } catch {
    // already closed
  }
  if (file !== null) fs.rmSync(file, { force: true });
}

export class TempSpool {
  private readonly fd: number;
  /** The file's path while it still has one (removing it at once was refused). */
  private file: string | null;
  private buf: Buffer = Buffer.allocUnsafe(BLOCK);
  private used = 0;
  private size = 0;
  private closed = false;
  /** Records written. */
  count = 0;

  constructor(dir = os.tmpdir()) {
    const file = path.join(dir, `lagesbild-import-${crypto.randomUUID()}.tmp`);
    this.fd = fs.openSync(file, 'wx+', 0o600);
    this.file = file;
    try {
      fs.unlinkSync(file);
      this.file = null;
    } catch {
      // Windows without POSIX delete: removed in close().
    }
    dropped.register(this, { fd: this.fd, file: this.file }, this);
  }

  write(record: unknown): void {
    const text = `${JSON.stringify(record)}\n`;
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    if (this.used + text.length * 3 > this.buf.length) this.flush();
    if (text.length * 3 > this.buf.length) this.size += fs.writeSync(this.fd, text, this.size, 'utf8');
    else this.used += this.buf.write(text, this.used, 'utf8');
    this.count++;
  }

  /** The records in the order written; reads the file in blocks, so only a block is in memory at a time. */
  *records(): Generator<unknown, void> {
    this.flush();
    let buf = Buffer.allocUnsafe(BLOCK);
    let start = 0; // first unread byte in buf
    let end = 0; // bytes of buf filled
    let position = 0; // file position of buf[end]
    for (;;) {
      const nl = buf.indexOf(10, start);
      if (nl >= 0 && nl < end) {
        yield JSON.parse(buf.toString('utf8', start, nl));
        start = nl + 1;
        continue;
      }
      if (position >= this.size) break;
      // Keep the unfinished record at the start; a record longer than the buffer grows it.
      if (start === 0 && end === buf.length) buf = Buffer.concat([buf, Buffer.allocUnsafe(buf.length)]);
      else buf.copy(buf, 0, start, end);
      end -= start;
      start = 0;
      const read = fs.readSync(this.fd, buf, end, buf.length - end, position);
      if (read === 0) break;
      end += read;
      position += read;
    }
    if (start < end) throw new Error('spool ends inside a record');
  }

  /** Closes (and removes) the file; safe to call more than once. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    dropped.unregister(this);
    this.buf = Buffer.alloc(0);
    release(this.fd, this.file);
    this.file = null;
  }

  private flush(): void {
    if (this.used === 0) return;
    this.size += fs.writeSync(this.fd, this.buf, 0, this.used, this.size);
    this.used = 0;
  }
}
