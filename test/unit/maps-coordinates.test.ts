/** Coordinates as people paste them: Swedish decimal commas or points, latitude first, inside Sweden. */
import { describe, expect, it } from 'vitest';
import { formatCoordinates, parseCoordinates, positionProblem } from '../../src/shared/maps/coordinates';

const ok = (text: string) => {
  const r = parseCoordinates(text);
  if (!r.ok) throw new Error(`"${text}" nekades: ${r.message}`);
  return [r.lat, r.lon];
};
const refused = (text: string) => {
  const r = parseCoordinates(text);
  if (r.ok) throw new Error(`"${text}" godtogs som ${r.lat}, ${r.lon}`);
  return r.message;
};

describe('parseCoordinates', () => {
  it.each([
    ['55,9586, 13,1253'],
    ['55.9586, 13.1253'],
    ['55.9586,13.1253'],
    ['55,9586 13,1253'],
    ['55.9586 13.1253'],
    ['  55,9586;13,1253  '],
    ['55,9586° N, 13,1253° E'],
    ['55.9586°, 13.1253°'],
    ['55,9586°N 13,1253°Ö'],
  ])('läser "%s" som 55,9586, 13,1253', (text) => {
    expect(ok(text)).toEqual([55.9586, 13.1253]);
  });

  it('heltal och få decimaler', () => {
    expect(ok('56, 13')).toEqual([56, 13]);
    expect(ok('56,1 13,2')).toEqual([56.1, 13.2]);
    expect(ok('67.8558, 20.2253')).toEqual([67.8558, 20.2253]);
  });

  it('ett tomt fält ber om koordinater', () => {
    expect(refused('   ')).toBe('Ange latitud och longitud, t.ex. 55,9586, 13,1253.');
  });

  it.each([
    ['55,9586'],
    ['55.9586'],
    ['55,9586, 13,1253, 12'],
    ['55.9586, 13.1253, 7.5'],
    ['Storgatan 3'],
    ['abc, def'],
    ['55.9586, 13.1253x'],
    ['55,9586, 13,1253 (stationen)'],
  ])('nekar "%s": inte två koordinater', (text) => {
    expect(refused(text)).toContain('är inte två koordinater');
    expect(refused(text)).toContain('Skriv latitud och longitud');
  });

  it('bytta latitud och longitud sägs på svenska', () => {
    expect(refused('13,1253, 55,9586')).toBe(
      'Latitud och longitud verkar ha bytt plats: ange latitud först (t.ex. 55,9586, 13,1253).',
    );
    expect(refused('13.1253, 55.9586')).toMatch(/bytt plats/);
  });

  it.each([
    ['-55,9586, 13,1253', '-55.9586'],
    ['55.9586, -13.1253', '-13.1253'],
    ['48.8566, 2.3522', '48.8566'], // Paris
    ['60.1699, 24.9384', '24.9384'], // Helsinki: east of the margin
    ['70.5, 20.0', '70.5'],
  ])('nekar "%s": utanför Sverige', (text, shown) => {
    const m = refused(text);
    expect(m).toContain('ligger utanför Sverige');
    expect(m).toContain(shown);
  });

  it('en position godtas först när den ligger i Sverige', () => {
    expect(positionProblem(55.9586, 13.1253)).toBeNull();
    expect(positionProblem(Number.NaN, 13)).toBe('Latitud och longitud måste vara tal.');
    expect(positionProblem(54.9, 13)).toContain('utanför Sverige');
  });
});

describe('formatCoordinates', () => {
  it('skriver med decimalkomma, som man skriver in', () => {
    expect(formatCoordinates(55.9586, 13.1253)).toBe('55,9586, 13,1253');
    expect(formatCoordinates(56.1234567, 13.1)).toBe('56,123457, 13,1');
  });

  it.each([
    [55.9586, 13.1253],
    [56.132, 13.137],
    [67.8558, 20.2253],
    [59.329323, 18.068581],
  ])('tur och retur: %f, %f', (lat, lon) => {
    expect(ok(formatCoordinates(lat, lon))).toEqual([lat, lon]);
  });
});
