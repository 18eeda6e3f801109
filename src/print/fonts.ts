/** The report's typeface, embedded: @font-face rules from data URLs, so the PDF never falls back to a system font. */

export interface PrintFontFace {
  weight: number;
  style: 'normal' | 'italic';
  /** data:font/woff2;base64,… */
  dataUrl: string;
  /** The characters this file covers (fontsource splits a face into subsets: latin, latin-ext). */
  unicodeRange?: string | undefined;
}

export const FONT_FAMILY = 'Source Sans 3';
/** The stack for every text; the fallback is only there so a missing face shows rather than breaks. */
export const FONT_STACK = `'${FONT_FAMILY}', sans-serif`;

function format(dataUrl: string): string {
  const m = /^data:(?:font\/|application\/font-)(woff2|woff|ttf|otf)/.exec(dataUrl);
  return m ? ` format('${m[1] === 'ttf' ? 'truetype' : m[1] === 'otf' ? 'opentype' : m[1]}')` : '';
}

export function fontFaceCss(faces: readonly PrintFontFace[]): string {
  return faces
    .map((f) =>
      [
        '@font-face {',
        `font-family: '${FONT_FAMILY}';`,
        `font-style: ${f.style};`,
        `font-weight: ${Math.round(f.weight)};`,
        'font-display: block;',
        `src: url("${f.dataUrl.replace(/["\\\n]/g, '')}")${format(f.dataUrl)};`,
        f.unicodeRange ? `unicode-range: ${f.unicodeRange.replace(/[;{}]/g, '')};` : '',
        '}',
      ].join(' '),
    )
    .join('\n');
}

/** The code points a CSS unicode-range covers ("U+0000-00FF,U+0131,U+2000-206F"). */
function ranges(unicodeRange: string): [number, number][] {
  return unicodeRange.split(',').flatMap((part) => {
    const m = /^\s*U\+([0-9A-F?]+)(?:-([0-9A-F]+))?\s*$/i.exec(part);
    if (!m) return [];
    const lo = parseInt(m[1]!.replace(/\?/g, '0'), 16);
    const hi = m[2] ? parseInt(m[2], 16) : parseInt(m[1]!.replace(/\?/g, 'F'), 16);
    return [[lo, hi] as [number, number]];
  });
}

/** The faces of the given weights whose subset has any character of the text (the others would never load). */
export function facesFor(text: string, faces: readonly PrintFontFace[], weights: readonly number[]): PrintFontFace[] {
  const codes = [...new Set([...text].map((ch) => ch.codePointAt(0)!))];
  return faces.filter(
    (f) =>
      f.style === 'normal' &&
      weights.includes(f.weight) &&
      (!f.unicodeRange || ranges(f.unicodeRange).some(([lo, hi]) => codes.some((c) => c >= lo && c <= hi))),
  );
}
