/**
 * Schema 9: who made each state change of a löfte, and what a decision rests on. Every history entry
 * (lofte_snapshot) records its author from the local user profile (name, organisation, role; empty for
 * entries written before this schema or without a profile). A decision also records its protocol reference
 * ("KS 2026-12-03 § 141", optional) and the SMART warnings the decision was confirmed over (a JSON array of
 * messages). When it was decided is the entry's saved_at.
 */
export const migration009 = `
ALTER TABLE lofte_snapshot ADD COLUMN by_name TEXT NOT NULL DEFAULT '' CHECK (length(by_name) <= 200);
ALTER TABLE lofte_snapshot ADD COLUMN by_organisation TEXT NOT NULL DEFAULT '' CHECK (length(by_organisation) <= 200);
ALTER TABLE lofte_snapshot ADD COLUMN by_role TEXT NOT NULL DEFAULT '' CHECK (length(by_role) <= 40);
ALTER TABLE lofte_snapshot ADD COLUMN protocol_ref TEXT NOT NULL DEFAULT '' CHECK (length(protocol_ref) <= 120);
ALTER TABLE lofte_snapshot ADD COLUMN warnings_json TEXT NOT NULL DEFAULT '[]';
`;
