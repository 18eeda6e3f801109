import { migration001 } from './001_initial';

/** Numbered migrations; index i upgrades user_version i to i + 1. Append only. */
export const MIGRATIONS: readonly string[] = [migration001];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
