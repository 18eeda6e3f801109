/**
 * Schema 12: a fokusområde's orsaksanalys follows the crime triangle (DOMAIN.md): who is exposed
 * (brottsutsatt), who commits the crimes (gärningsperson), and what makes the place possible (plats/objekt).
 * The older single text, `causes`, stays as it is and is shown as "Övrigt": nothing is moved or lost.
 */
export const migration012 = `
ALTER TABLE focus_area ADD COLUMN cause_victim TEXT NOT NULL DEFAULT '';
ALTER TABLE focus_area ADD COLUMN cause_offender TEXT NOT NULL DEFAULT '';
ALTER TABLE focus_area ADD COLUMN cause_place TEXT NOT NULL DEFAULT '';
`;
