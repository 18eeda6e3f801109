import { migration001 } from './001_initial';
import { migration002 } from './002_imports';

/** Numbered migrations; index i upgrades user_version i to i + 1. Append only. */
export const MIGRATIONS: readonly string[] = [migration001, migration002];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
