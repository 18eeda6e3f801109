/** The file an import reads: its bytes given whole (small files, tests) or read from disk in chunks. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import { checkImportFile, fileError } from './file-errors';

export interface FileSource {
  /** The file's content, for small files and tests; else `path`. */
  bytes?: Uint8Array | undefined;
  /** The file on disk, read in chunks: a Polisens-händelser file of any size never sits in memory whole. */
  path?: string | undefined;
}

export const CHUNK_BYTES = 1 << 20;

/** The file being imported: its bytes whole or in chunks, its size, and its SHA-256 once read. */
export class FileInput {
  private digest: string | null = null;
  constructor(private readonly req: FileSource) {}

  size(): number {
    if (this.req.bytes) return this.req.bytes.length;
    return checkImportFile(this.path());
  }

  /** The first bytes, to recognise the format. */
  head(): Uint8Array {
    if (this.req.bytes) return this.req.bytes.subarray(0, 4096);
    const first = this.chunks(4096)[Symbol.iterator]().next();
    return first.done ? new Uint8Array(0) : first.value;
  }

  whole(): Uint8Array {
    if (this.req.bytes) return this.req.bytes;
    checkImportFile(this.path());
    try {
      return fs.readFileSync(this.path());
    } catch (err) {
      throw fileError(err, this.path());
    }
  }

  /** The bytes in order; when read to the end, the content hash is known. `onRead` gets the bytes read so far. */
  *chunks(size = CHUNK_BYTES, onRead?: (read: number) => void): Generator<Uint8Array, void> {
    const hash = crypto.createHash('sha256');
    if (this.req.bytes) {
      hash.update(this.req.bytes);
      onRead?.(this.req.bytes.length);
      yield this.req.bytes;
    } else {
      checkImportFile(this.path());
      let fd: number;
      try {
        fd = fs.openSync(this.path(), 'r');
      } catch (err) {
        throw fileError(err, this.path());
      }
      try {
        let read = 0;
        for (;;) {
          const buf = Buffer.allocUnsafe(size);
          let n: number;
          try {
            n = fs.readSync(fd, buf, 0, size, read);
          } catch (err) {
            throw fileError(err, this.path());
          }
          if (n === 0) break;
          read += n;
          const chunk = buf.subarray(0, n);
          hash.update(chunk);
          onRead?.(read);
          yield chunk;
        }
      } finally {
        fs.closeSync(fd);
      }
    }
    this.digest = hash.digest('hex');
  }

  hash(): string {
    if (this.digest === null) for (const chunk of this.chunks()) void chunk;
    return this.digest!;
  }

  private path(): string {
    if (!this.req.path) throw new AppError('validation', 'Ingen fil angavs.');
    return this.req.path;
  }
}

export function contentHash(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}
