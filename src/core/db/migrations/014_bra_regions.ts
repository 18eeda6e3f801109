/**
 * Schema 14: Brå's rows for a län and for the whole country, kept beside the kommun rows
 * (`bra_reported_crime`) so a kommun's reported crimes per 100 000 can be shown beside its län's and the
 * country's. Stored like the kommun rows: one count and rate per region and year, null when Brå suppresses
 * it (".."), with the import that wrote it. `region_code` is SCB's two-digit län code, 00 for the whole country.
 */
export const migration014 = `
CREATE TABLE bra_region (
  region_code TEXT NOT NULL CHECK (length(region_code) = 2 AND region_code GLOB '[0-9][0-9]'),
  kind TEXT NOT NULL CHECK (kind IN ('lan', 'riket')),
  year INTEGER NOT NULL,
  count INTEGER,
  per_100k REAL,
  import_id INTEGER REFERENCES import_log(id),
  PRIMARY KEY (region_code, year),
  CHECK ((kind = 'riket') = (region_code = '00'))
) STRICT;
`;
