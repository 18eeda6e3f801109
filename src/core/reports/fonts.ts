/**
 * The report typeface for the PDF printers: Source Sans 3 (from @fontsource/source-sans-3, a dependency)
 * as data URLs, regular, semibold, bold and italic, each in its latin and latin-ext subsets (å ä ö are in
 * latin; latin-ext covers names such as Łukasz or Şahin). Read once, then kept.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** One font file for an @font-face rule (the print layer's PrintFontFace has the same shape). */
export interface ReportFontFace {
  weight: number;
  style: 'normal' | 'italic';
  dataUrl: string;
  unicodeRange?: string | undefined;
}

const PACKAGE = '@fontsource/source-sans-3';
export const REPORT_FONT_FACES = [
  { weight: 400, style: 'normal' },
  { weight: 600, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 400, style: 'italic' },
] as const;
/** The subsets and the characters each covers (fontsource's unicode.json for these two). */
const SUBSETS = {
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext':
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C4,U+2113,U+2C60-2C7F,U+A720-A7FF',
} as const;

/** The package's font folder, resolved from this module (so it works from src, tsx and the main bundle). */
function packageFontDir(): string {
  return path.join(path.dirname(createRequire(__filename).resolve(`${PACKAGE}/package.json`)), 'files');
}

const cache = new Map<string, ReportFontFace[]>();

/**
 * The font faces as data URLs. `fontDir`: a folder holding the same woff2 files (fontsource's names, e.g.
 * source-sans-3-latin-400-normal.woff2), for a packaged app that ships them as resources.
 */
export function loadPrintFonts(options: { fontDir?: string | undefined } = {}): ReportFontFace[] {
  const key = options.fontDir ?? '';
  const hit = cache.get(key);
  if (hit) return hit;
  const dir = options.fontDir ?? packageFontDir();
  const faces: ReportFontFace[] = [];
  for (const { weight, style } of REPORT_FONT_FACES) {
    for (const [subset, unicodeRange] of Object.entries(SUBSETS)) {
      const file = path.join(dir, `source-sans-3-${subset}-${weight}-${style}.woff2`);
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (e) {
        throw new Error(`Typsnittet för rapporter saknas: ${file} (${(e as Error).message})`);
      }
      faces.push({
        weight,
        style,
        dataUrl: `data:font/woff2;base64,${bytes.toString('base64')}`,
        unicodeRange,
      });
    }
  }
  cache.set(key, faces);
  return faces;
}
