/**
 * Schema 10: who made an import and who recorded an åtgärd (the local user profile's name, or a CLI's
 * `--user`, or the system user). Rows from before carry ''.
 */
export const migration010 = `
ALTER TABLE import_log ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE measure ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
`;
