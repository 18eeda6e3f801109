/**
 * Schema 15: the audit log ("Ändringslogg"). Append only and tamper-evident: each entry holds the hash of
 * its content (`content_hash`), the hash of the entry before it (`prev_hash`) and its own hash over both and
 * every other column but `content_json` (see src/core/audit/hash.ts). The entries are written by triggers
 * each connection creates (src/core/audit/install.ts); the triggers here refuse every change but one: an
 * erasure of personal data rewrites `content_json` and sets `erased` (the chain still verifies, since it
 * runs over `content_hash`). Ids are given in order without gaps, so a missing entry shows.
 */
export const migration015 = `
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  action TEXT NOT NULL,
  content_json TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  erased INTEGER NOT NULL DEFAULT 0 CHECK (erased IN (0, 1))
) STRICT;
CREATE INDEX audit_log_object ON audit_log(object_type, object_id, id);

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'Ändringsloggen kan inte ändras: poster tas aldrig bort.');
END;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor
  OR NEW.object_type IS NOT OLD.object_type OR NEW.object_id IS NOT OLD.object_id OR NEW.action IS NOT OLD.action
  OR NEW.content_hash IS NOT OLD.content_hash OR NEW.prev_hash IS NOT OLD.prev_hash OR NEW.hash IS NOT OLD.hash
  OR NEW.erased IS NOT 1
BEGIN
  SELECT RAISE(ABORT, 'Ändringsloggen kan inte ändras: bara personuppgifter i en post kan rensas.');
END;
`;
