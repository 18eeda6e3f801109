/**
 * Sweden's 21 län with SCB's two-digit län codes, and the whole country ("riket", code 00). A kommun's län is
 * the first two digits of its four-digit SCB kommun code (1276 Klippan → 12 Skåne län).
 */
export interface Lan {
  code: string;
  name: string;
}

export const LAN: readonly Lan[] = [
  { code: '01', name: 'Stockholms län' },
  { code: '03', name: 'Uppsala län' },
  { code: '04', name: 'Södermanlands län' },
  { code: '05', name: 'Östergötlands län' },
  { code: '06', name: 'Jönköpings län' },
  { code: '07', name: 'Kronobergs län' },
  { code: '08', name: 'Kalmar län' },
  { code: '09', name: 'Gotlands län' },
  { code: '10', name: 'Blekinge län' },
  { code: '12', name: 'Skåne län' },
  { code: '13', name: 'Hallands län' },
  { code: '14', name: 'Västra Götalands län' },
  { code: '17', name: 'Värmlands län' },
  { code: '18', name: 'Örebro län' },
  { code: '19', name: 'Västmanlands län' },
  { code: '20', name: 'Dalarnas län' },
  { code: '21', name: 'Gävleborgs län' },
  { code: '22', name: 'Västernorrlands län' },
  { code: '23', name: 'Jämtlands län' },
  { code: '24', name: 'Västerbottens län' },
  { code: '25', name: 'Norrbottens län' },
];

/** SCB's code for the whole country, and what Brå calls it. */
export const RIKET_CODE = '00';
export const RIKET_NAME = 'Hela landet';

export const lanByCode = (code: string): Lan | undefined => LAN.find((l) => l.code === code);

/** The län of a kommun by its SCB kommun code ("1276" → Skåne län); undefined for a code no län has. */
export const lanOfKommun = (scbCode: string): Lan | undefined =>
  /^\d{4}$/.test(scbCode) ? lanByCode(scbCode.slice(0, 2)) : undefined;

/** A region's name by its code: a län's name, or "Hela landet" for 00. */
export const regionName = (code: string): string =>
  code === RIKET_CODE ? RIKET_NAME : (lanByCode(code)?.name ?? code);

/** "Skåne län", "Skånes län", "skåne" → "skåne": a län name without "län", case, dashes or genitive s. */
function lanKey(name: string): string {
  const n = name
    .trim()
    .toLocaleLowerCase('sv-SE')
    .replace(/[\s\-\u2010-\u2015\u2212]+/g, ' ')
    .replace(/ län$/, '');
  return n.endsWith('s') ? n.slice(0, -1) : n;
}

/** The län a name means ("Skåne län", "Stockholms län", any case); undefined when none. */
export function lanByName(name: string): Lan | undefined {
  const key = lanKey(name);
  return LAN.find((l) => lanKey(l.name) === key);
}
