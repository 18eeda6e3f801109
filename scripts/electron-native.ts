/**
 * `npm start` runs this before `electron-vite preview`: it prepares better-sqlite3 for Electron's ABI in
 * .electron-native/, built in a temporary copy of the package so node_modules/better-sqlite3/build (the
 * Node build that tests and the browser host load) is never touched. Decisions: src/main/native-binding.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BUILD_NPM_ARGS,
  builtBindingPath,
  electronBuildEnv,
  nativeBindingDir,
  nativeBindingFileName,
  needsBuild,
  readPackageVersion,
  shouldCopyForBuild,
  staleBindings,
  type BindingVersions,
} from '../src/main/native-binding';

const appRoot = path.resolve(__dirname, '..');

/** A failure whose message already tells the user what to do. */
class PrepareError extends Error {}

function prepare(versions: BindingVersions): void {
  const dir = nativeBindingDir(appRoot);
  const existing = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  const fileName = nativeBindingFileName(versions);
  if (!needsBuild(existing, versions)) {
    console.log(`better-sqlite3 för Electron finns redan: ${path.join(dir, fileName)}`);
    return;
  }

  console.log(`Förbereder better-sqlite3 ${versions.betterSqliteVersion} för Electron ${versions.electronVersion}…`);
  const source = path.join(appRoot, 'node_modules', 'better-sqlite3');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-electron-native-'));
  try {
    const pkgDir = path.join(work, 'better-sqlite3');
    fs.cpSync(source, pkgDir, {
      recursive: true,
      filter: (src) => shouldCopyForBuild(path.relative(source, src)),
    });
    const env = electronBuildEnv(process.env, versions, [path.join(appRoot, 'node_modules', '.bin')]);
    const result = spawnSync('npm', [...BUILD_NPM_ARGS], {
      cwd: pkgDir,
      env,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    const built = builtBindingPath(pkgDir);
    if (result.error || result.status !== 0 || !fs.existsSync(built)) {
      const why = result.error ? result.error.message : `npm run install: exit ${String(result.status)}`;
      throw new PrepareError(
        [
          `Kunde inte förbereda better-sqlite3 för Electron ${versions.electronVersion} (${why}).`,
          'Det kräver internet: en förbyggd binär eller Electrons headers laddas ned (och annars en C++-kompilator).',
          'Kontrollera anslutningen och kör `npm start` igen.',
          `Could not prepare better-sqlite3 for Electron ${versions.electronVersion} (${why}).`,
          'This needs internet access (a prebuilt binary or the Electron headers); check it and run `npm start` again.',
        ].join('\n'),
      );
    }
    fs.mkdirSync(dir, { recursive: true });
    // Copy under a temporary name and rename, so an interrupted copy never looks like a finished build.
    const target = path.join(dir, fileName);
    fs.copyFileSync(built, `${target}.tmp`);
    fs.renameSync(`${target}.tmp`, target);
    for (const stale of staleBindings(existing, versions)) fs.rmSync(path.join(dir, stale), { force: true });
    console.log(`better-sqlite3 för Electron är klart: ${target}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

try {
  prepare({
    electronVersion: readPackageVersion(appRoot, 'electron'),
    betterSqliteVersion: readPackageVersion(appRoot, 'better-sqlite3'),
    platform: process.platform,
    arch: process.arch,
  });
} catch (err) {
  const message =
    err instanceof PrepareError
      ? err.message
      : `Kunde inte förbereda better-sqlite3 för Electron / Could not prepare better-sqlite3 for Electron: ${(err as Error).message}`;
  console.error(`\n${message}\n`);
  process.exit(1);
}
