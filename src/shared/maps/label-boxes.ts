/** Where a map's texts sit, roughly, so labels can be placed clear of each other (screen and print). */

/** [x0, y0, x1, y1] in the frame's pixels. */
export type Box = [number, number, number, number];

export const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** About where 11 px text sits: ~6 px a character, from the baseline up. */
export function textBox(x: number, y: number, text: string, centred = false): Box {
  const w = 6 * text.length;
  const x0 = centred ? x - w / 2 : x;
  return [x0, y - 10, x0 + w, y + 3];
}

/** The boxes of the kommun names drawn over the focus areas (MapSvg writes them last, on top). */
export function kommunNameBoxes(areas: readonly { focus: boolean; name: string; labelAt: [number, number] }[]): Box[] {
  return areas.filter((a) => a.focus).map((a) => textBox(a.labelAt[0], a.labelAt[1], a.name, true));
}
