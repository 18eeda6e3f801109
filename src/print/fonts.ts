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
