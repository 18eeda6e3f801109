/**
 * A workbook's XML parts as SAX events, decoded with a streaming UTF-8 decoder (exceljs's own parser decodes
 * each inflated chunk on its own, which garbles an "å" split between two chunks), and its shared strings kept
 * compactly: a million distinct strings (every id and description unique) as JS strings took hundreds of MB;
 * here they are one UTF-8 buffer and an offset table.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export interface SaxHandlers {
  open(tag: SaxesTagPlain): void;
  text(text: string): void;
  close(tag: SaxesTagPlain): void;
}

/** SAX events from a stream of UTF-8 bytes, decoded across chunk boundaries. */
export async function sax(chunks: AsyncIterable<Uint8Array>, on: SaxHandlers): Promise<void> {
  const parser = new SaxesParser();
  let error: Error | undefined;
  parser.on('error', (e) => (error ??= e));
  parser.on('opentag', on.open);
  parser.on('text', on.text);
  parser.on('closetag', on.close);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (error) throw error;
  }
  parser.write(decoder.decode());
  parser.close();
  if (error) throw error;
}

/** Strings by index, stored as UTF-8 in one growing buffer with the offset of each. */
export class SharedStrings {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  private offsets = new Uint32Array(1024);
  count = 0;

  add(text: string): void {
    const need = this.used + text.length * 3;
    if (need > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.bytes.length * 2));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    if (this.count + 2 > this.offsets.length) {
      const grown = new Uint32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.used += this.bytes.write(text, this.used, 'utf8');
    this.offsets[++this.count] = this.used;
  }

  /** The string at `index`, or undefined when there is none (as exceljs gives for a bad index). */
  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    return this.bytes.toString('utf8', this.offsets[index], this.offsets[index + 1]);
  }

  /** Bytes held (for measuring). */
  get byteLength(): number {
    return this.bytes.length + this.offsets.byteLength;
  }
}

/** The shared strings part (xl/sharedStrings.xml) as text, rich text runs joined, phonetic runs left out. */
export async function readSharedStrings(entry: AsyncIterable<Uint8Array>, into = new SharedStrings()) {
  let text: string | null = null;
  let runs: string[] = [];
  let phonetic = 0;
  await sax(entry, {
    open(tag) {
      if (tag.name === 'rPh') phonetic++;
      else if (tag.name === 'si') [text, runs] = [null, []];
      else if (tag.name === 't' && phonetic === 0) text = null;
    },
    text(value) {
      if (phonetic === 0) text = text === null ? value : text + value;
    },
    close(tag) {
      if (tag.name === 'rPh') phonetic--;
      else if (tag.name === 'r') {
        runs.push(text ?? '');
        text = null;
      } else if (tag.name === 'si') {
        into.add(runs.length > 0 ? runs.join('') : (text ?? ''));
        [text, runs] = [null, []];
      }
    },
  });
  return into;
}
