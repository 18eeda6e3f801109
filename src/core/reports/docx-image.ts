/**
 * Images for the .docx: the size of a PNG or JPEG from its header (Word needs a display size), the logo's
 * data URL decoded, and a size fitted into a box with the image's proportions.
 */
import type { ReportLogo } from '../../shared/report';

export interface RasterImage {
  type: 'png' | 'jpg';
  data: Uint8Array;
  width: number;
  height: number;
}

function pngSize(b: Uint8Array): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || sig.some((v, i) => b[i] !== v)) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The first SOFn marker of a JPEG holds its size. */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    const length = view.getUint16(i + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return { width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
    i += 2 + length;
  }
  return null;
}

/** A PNG or JPEG with its size; null for anything else (SVG, broken data). */
export function rasterImage(data: Uint8Array): RasterImage | null {
  const png = pngSize(data);
  if (png && png.width > 0 && png.height > 0) return { type: 'png', data, ...png };
  const jpg = jpegSize(data);
  if (jpg && jpg.width > 0 && jpg.height > 0) return { type: 'jpg', data, ...jpg };
  return null;
}

/**
 * The logo as a raster image; null when it is an SVG (Word needs a PNG fallback for an SVG, which a logo
 * file chosen by the user does not have: the title page is then written without the logo) or unreadable.
 */
export function logoImage(logo: ReportLogo | null): RasterImage | null {
  if (!logo) return null;
  const m = /^data:image\/(png|jpe?g);base64,(.*)$/s.exec(logo.dataUrl);
  if (!m) return null;
  try {
    return rasterImage(new Uint8Array(Buffer.from(m[2]!, 'base64')));
  } catch {
    return null;
  }
}

/** The image's display size (pixels at 96 dpi) fitted into the box, never enlarged beyond `maxScale`. */
export function fitInto(
  img: { width: number; height: number },
  box: { width: number; height: number },
  maxScale = 1,
): { width: number; height: number } {
  const scale = Math.min(box.width / img.width, box.height / img.height, maxScale);
  return { width: Math.max(1, Math.round(img.width * scale)), height: Math.max(1, Math.round(img.height * scale)) };
}
