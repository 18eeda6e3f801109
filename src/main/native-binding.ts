/**
 * better-sqlite3 under Electron: Node (tests, browser host) loads the default build in
 * node_modules/better-sqlite3/build, while the Electron main process loads a second build for Electron's
 * ABI from <appRoot>/.electron-native through better-sqlite3's `nativeBinding` option. The file name
 * carries every version it depends on, so a stale build is never loaded after an upgrade.
 *
 * The decisions live here (pure and unit-tested); scripts/electron-native.ts only does the I/O.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface BindingVersions {
  electronVersion: string;
  betterSqliteVersion: string;
  platform: string;
  arch: string;
}

export const NATIVE_DIR_NAME = '.electron-native';
export const ELECTRON_DIST_URL = 'https://electronjs.org/headers';

const PREFIX = 'better_sqlite3-electron-';
const STAMP = /^better_sqlite3-electron-(.+?)-bs-(.+)-([^-]+)-([^-]+)\.node$/;

export function nativeBindingFileName(v: BindingVersions): string {
  return `${PREFIX}${v.electronVersion}-bs-${v.betterSqliteVersion}-${v.platform}-${v.arch}.node`;
}

export function nativeBindingDir(appRoot: string): string {
  return path.join(appRoot, NATIVE_DIR_NAME);
}

export function nativeBindingPath(appRoot: string, v: BindingVersions): string {
  return path.join(nativeBindingDir(appRoot), nativeBindingFileName(v));
}

/** The versions a prepared binding was built for, read from its file name; null for other files. */
export function readStamp(fileName: string): BindingVersions | null {
  const m = STAMP.exec(path.basename(fileName));
  if (!m) return null;
  return { electronVersion: m[1]!, betterSqliteVersion: m[2]!, platform: m[3]!, arch: m[4]! };
}

function sameVersions(a: BindingVersions, b: BindingVersions): boolean {
  return (
    a.electronVersion === b.electronVersion &&
    a.betterSqliteVersion === b.betterSqliteVersion &&
    a.platform === b.platform &&
    a.arch === b.arch
  );
}

/** True unless one of the files in the binding folder was built for exactly these versions. */
export function needsBuild(existingFiles: readonly string[], expected: BindingVersions): boolean {
  return !existingFiles.some((f) => {
    const stamp = readStamp(f);
    return stamp !== null && sameVersions(stamp, expected);
  });
}

/** Bindings in the folder built for other versions: safe to delete once the expected one is in place. */
export function staleBindings(existingFiles: readonly string[], expected: BindingVersions): string[] {
  return existingFiles.filter((f) => {
    const stamp = readStamp(f);
    return stamp !== null && !sameVersions(stamp, expected);
  });
}

export function missingBindingMessage(file: string, v: BindingVersions): string {
  return [
    `better-sqlite3 är inte förberett för Electron ${v.electronVersion} (${v.platform}-${v.arch}): filen ${file} saknas.`,
    'Starta programmet med `npm start`, som förbereder det (kräver internet första gången).',
    `better-sqlite3 has not been prepared for Electron ${v.electronVersion} (${v.platform}-${v.arch}): ${file} is missing.`,
    'Start the app with `npm start`, which prepares it (needs internet the first time).',
  ].join('\n');
}

/** The path to pass as better-sqlite3's `nativeBinding`, or a clear error telling the user what to run. */
export function resolveNativeBinding(
  appRoot: string,
  versions: BindingVersions,
  exists: (file: string) => boolean = fs.existsSync,
): string {
  const file = nativeBindingPath(appRoot, versions);
  if (!exists(file)) throw new Error(missingBindingMessage(file, versions));
  return file;
}

/** The version field of node_modules/<name>/package.json under appRoot. */
export function readPackageVersion(
  appRoot: string,
  name: string,
  readFile: (file: string) => string = (f) => fs.readFileSync(f, 'utf8'),
): string {
  const file = path.join(appRoot, 'node_modules', name, 'package.json');
  const version = (JSON.parse(readFile(file)) as { version?: unknown }).version;
  if (typeof version !== 'string' || version === '') {
    throw new Error(`Ingen version i ${file} / No version in ${file}`);
  }
  return version;
}

// ---- Preparing the binding (used by scripts/electron-native.ts) ----

/** Copy better-sqlite3 without its build/ folder: the Node build there is never touched. */
export function shouldCopyForBuild(relativePath: string): boolean {
  const first = relativePath.split(/[\\/]/)[0];
  return first !== 'build' && first !== 'node_modules';
}

/** Where `npm run install` leaves the addon inside the copied package. */
export function builtBindingPath(packageDir: string): string {
  return path.join(packageDir, 'build', 'Release', 'better_sqlite3.node');
}

/**
 * The environment for better-sqlite3's install script (prebuild-install || node-gyp rebuild) to target
 * Electron. npm_config_nodedir is removed in any spelling: it would make node-gyp compile against Node's
 * headers, producing an addon Electron refuses to load. binDirs go first on PATH so prebuild-install is
 * found from the temporary copy.
 */
export function electronBuildEnv(
  base: Readonly<Record<string, string | undefined>>,
  v: BindingVersions,
  binDirs: readonly string[] = [],
  pathDelimiter: string = path.delimiter,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) {
    if (value === undefined) continue;
    if (key.toLowerCase() === 'npm_config_nodedir') continue;
    env[key] = value;
  }
  const pathKey = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  env[pathKey] = [...binDirs, ...(env[pathKey] ? [env[pathKey]] : [])].join(pathDelimiter);
  env.npm_config_runtime = 'electron';
  env.npm_config_target = v.electronVersion;
  env.npm_config_disturl = ELECTRON_DIST_URL;
  env.npm_config_arch = v.arch;
  return env;
}

/**
 * npm re-exports a nodedir from the user's .npmrc into the script's environment even when ours has none;
 * an empty --nodedir on npm's own command line overrides it.
 */
export const BUILD_NPM_ARGS: readonly string[] = ['run', 'install', '--nodedir='];
