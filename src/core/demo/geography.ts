/**
 * The geography of the demo database. Kommuner, SCB codes and populations are SCB's figures
 * (test/fixtures/kommuner.csv, checked by a test). Coordinates are approximate centres of the main
 * town, good enough for "kommun centroid" precision; they are not survey-grade.
 */
export interface DemoKommun {
  lpo: string;
  name: string;
  scbCode: string;
  population20241231: number;
  population20241101: number;
  lat: number;
  lon: number;
  /** Relative incident rate per inhabitant, so per-capita comparisons show differences. */
  rate: number;
  places: readonly DemoPlace[];
}

export interface DemoPlace {
  name: string;
  lat: number;
  lon: number;
  /** Weight of the place when drawing incidents; hotspots get more. */
  weight: number;
}

const p = (name: string, lat: number, lon: number, weight = 1): DemoPlace => ({ name, lat, lon, weight });

export const DEMO_KOMMUNER: readonly DemoKommun[] = [
  {
    lpo: 'Klippan',
    name: 'Bjuv',
    scbCode: '1260',
    population20241231: 15985,
    population20241101: 15971,
    lat: 56.084,
    lon: 12.918,
    rate: 1.15,
    places: [
      p('Bjuvs centrum', 56.084, 12.918, 3),
      p('Bjuvs station', 56.087, 12.923, 2),
      p('Billesholm', 56.053, 12.99),
      p('Ekeby', 56.004, 12.966),
      p('Norra Vram', 56.078, 12.962),
    ],
  },
  {
    lpo: 'Klippan',
    name: 'Klippan',
    scbCode: '1276',
    population20241231: 17714,
    population20241101: 17734,
    lat: 56.134,
    lon: 13.131,
    rate: 1.15,
    places: [
      p('Klippans station', 56.132, 13.137, 5),
      p('Klippans centrum', 56.134, 13.131, 3),
      p('Ljungbyhed', 56.076, 13.233),
      p('Östra Ljungby', 56.191, 13.06),
      p('Stidsvig', 56.157, 13.093),
    ],
  },
  {
    lpo: 'Klippan',
    name: 'Perstorp',
    scbCode: '1275',
    population20241231: 7235,
    population20241101: 7239,
    lat: 56.138,
    lon: 13.394,
    rate: 1.25,
    places: [
      p('Perstorps centrum', 56.138, 13.394, 4),
      p('Perstorps station', 56.135, 13.39, 2),
      p('Oderljunga', 56.206, 13.37),
    ],
  },
  {
    lpo: 'Klippan',
    name: 'Svalöv',
    scbCode: '1214',
    population20241231: 14543,
    population20241101: 14523,
    lat: 55.913,
    lon: 13.107,
    rate: 0.95,
    places: [
      p('Svalövs centrum', 55.913, 13.107, 2),
      p('Teckomatorp', 55.87, 13.083, 2),
      p('Kågeröd', 55.99, 13.08),
      p('Röstånga', 55.998, 13.282),
      p('Billeberga', 55.88, 13.0),
    ],
  },
  {
    lpo: 'Klippan',
    name: 'Åstorp',
    scbCode: '1277',
    population20241231: 16449,
    population20241101: 16484,
    lat: 56.135,
    lon: 12.944,
    rate: 1.2,
    places: [
      p('Åstorps centrum', 56.135, 12.944, 5),
      p('Åstorps station', 56.137, 12.94, 2),
      p('Kvidinge', 56.134, 13.05),
      p('Hyllinge', 56.103, 12.852),
    ],
  },
  {
    lpo: 'Kävlinge',
    name: 'Burlöv',
    scbCode: '1231',
    population20241231: 20101,
    population20241101: 20042,
    lat: 55.637,
    lon: 13.075,
    rate: 1.35,
    places: [
      p('Arlövs centrum', 55.637, 13.075, 3),
      p('Arlövs station', 55.638, 13.079, 4),
      p('Burlövs center', 55.628, 13.087, 3),
      p('Åkarp', 55.656, 13.109),
    ],
  },
  {
    lpo: 'Kävlinge',
    name: 'Kävlinge',
    scbCode: '1261',
    population20241231: 32477,
    population20241101: 32526,
    lat: 55.794,
    lon: 13.11,
    rate: 0.85,
    places: [
      p('Kävlinge station', 55.794, 13.114, 4),
      p('Kävlinge centrum', 55.794, 13.11, 2),
      p('Löddeköpinge', 55.765, 13.015, 2),
      p('Furulund', 55.772, 13.088),
      p('Barsebäck', 55.756, 12.905),
    ],
  },
  {
    lpo: 'Kävlinge',
    name: 'Lomma',
    scbCode: '1262',
    population20241231: 24715,
    population20241101: 24656,
    lat: 55.673,
    lon: 13.07,
    rate: 0.7,
    places: [p('Lomma centrum', 55.673, 13.07, 2), p('Lomma hamn', 55.676, 13.062, 2), p('Bjärred', 55.716, 13.02, 2)],
  },
  {
    lpo: 'Kävlinge',
    name: 'Staffanstorp',
    scbCode: '1230',
    population20241231: 27303,
    population20241101: 27280,
    lat: 55.642,
    lon: 13.206,
    rate: 0.8,
    places: [
      p('Staffanstorps centrum', 55.642, 13.206, 3),
      p('Hjärup', 55.67, 13.14, 2),
      p('Hjärups station', 55.671, 13.136),
    ],
  },
];
