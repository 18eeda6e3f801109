/** Geography (LPO, kommun, population per year, places), the taxonomy and settings. */
import type { Db } from './types';
import type { Kommun, Lpo, Place, Reference } from '../../shared/domain';

interface DbKommun {
  id: number;
  scb_code: string;
  name: string;
  lpo_id: number;
  lat: number | null;
  lon: number | null;
  population: number | null;
  population_year: number | null;
}

export class ReferenceRepo {
  constructor(private readonly db: Db) {}

  upsertLpo(name: string): number {
    this.db.prepare('INSERT INTO lpo (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(name);
    return this.db.prepare('SELECT id FROM lpo WHERE name = ?').pluck().get(name) as number;
  }

  upsertKommun(k: { scbCode: string; name: string; lpoId: number; lat: number | null; lon: number | null }): number {
    this.db
      .prepare(
        `INSERT INTO kommun (scb_code, name, lpo_id, lat, lon) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (scb_code) DO UPDATE SET name = excluded.name, lpo_id = excluded.lpo_id, lat = excluded.lat, lon = excluded.lon`,
      )
      .run(k.scbCode, k.name, k.lpoId, k.lat, k.lon);
    return this.db.prepare('SELECT id FROM kommun WHERE scb_code = ?').pluck().get(k.scbCode) as number;
  }

  setPopulation(kommunId: number, year: number, population: number, refDate: string, source: string): void {
    this.db
      .prepare(
        `INSERT INTO population (kommun_id, year, population, ref_date, source) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (kommun_id, year) DO UPDATE SET population = excluded.population, ref_date = excluded.ref_date, source = excluded.source`,
      )
      .run(kommunId, year, population, refDate, source);
  }

  upsertPlace(kommunId: number, name: string, lat: number | null, lon: number | null): number {
    this.db
      .prepare(
        'INSERT INTO place (kommun_id, name, lat, lon) VALUES (?, ?, ?, ?) ON CONFLICT (kommun_id, name) DO UPDATE SET lat = excluded.lat, lon = excluded.lon',
      )
      .run(kommunId, name, lat, lon);
    return this.db
      .prepare('SELECT id FROM place WHERE kommun_id = ? AND name = ?')
      .pluck()
      .get(kommunId, name) as number;
  }

  lpos(): Lpo[] {
    return this.db.prepare('SELECT id, name FROM lpo ORDER BY name').all() as Lpo[];
  }

  kommuner(): Kommun[] {
    const rows = this.db
      .prepare(
        `SELECT k.id, k.scb_code, k.name, k.lpo_id, k.lat, k.lon, p.population, p.year AS population_year
         FROM kommun k
         LEFT JOIN population p ON p.kommun_id = k.id AND p.year = (SELECT max(year) FROM population WHERE kommun_id = k.id)
         ORDER BY k.name COLLATE NOCASE`,
      )
      .all() as DbKommun[];
    return rows
      .map((r) => ({
        id: r.id,
        scbCode: r.scb_code,
        name: r.name,
        lpoId: r.lpo_id,
        lat: r.lat,
        lon: r.lon,
        population: r.population,
        populationYear: r.population_year,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }

  reference(): Reference {
    return { lpos: this.lpos(), kommuner: this.kommuner() };
  }

  places(kommunId: number): Place[] {
    const rows = this.db
      .prepare('SELECT id, kommun_id AS kommunId, name, lat, lon FROM place WHERE kommun_id = ?')
      .all(kommunId) as Place[];
    return rows.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }

  getSetting(key: string): string | null {
    return (this.db.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
  }

  setSetting(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }
}
