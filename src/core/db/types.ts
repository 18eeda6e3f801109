import type Database from 'better-sqlite3';

/** A better-sqlite3 connection. Only src/core/db opens one (DbContext.open); everything else is handed it. */
export type Db = Database.Database;
