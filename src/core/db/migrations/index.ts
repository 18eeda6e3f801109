import { migration001 } from './001_initial';
import { migration002 } from './002_imports';
import { migration003 } from './003_week_rollup';
import { migration004 } from './004_dashboard_views';
import { migration005 } from './005_survey';
import { migration006 } from './006_loften';
import { migration007 } from './007_walks';
import { migration008 } from './008_measure_view';
import { migration009 } from './009_lofte_decision';
import { migration010 } from './010_created_by';
import { migration011 } from './011_rollup_day_source';
import { migration012 } from './012_focus_area_causes';
import { migration013 } from './013_reports';
import { migration014 } from './014_bra_regions';
import { migration015 } from './015_audit';
import { migration016 } from './016_map_indexes';

/** Numbered migrations; index i upgrades user_version i to i + 1. Append only. */
export const MIGRATIONS: readonly string[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
];
/** Steps that rebuild a table other tables point to: run with foreign keys off, checked before commit. */
export const REBUILDS_TABLES: ReadonlySet<number> = new Set([4, 15]);
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
