import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUILD_NPM_ARGS,
  ELECTRON_DIST_URL,
  builtBindingPath,
  electronBuildEnv,
  nativeBindingDir,
  nativeBindingFileName,
  nativeBindingPath,
  needsBuild,
  readPackageVersion,
  readStamp,
  resolveNativeBinding,
  shouldCopyForBuild,
  staleBindings,
  type BindingVersions,
} from '../../src/main/native-binding';

const versions: BindingVersions = {
  electronVersion: '45.4.1',
  betterSqliteVersion: '12.11.1',
  platform: 'linux',
  arch: 'x64',
};
const expectedName = 'better_sqlite3-electron-45.4.1-bs-12.11.1-linux-x64.node';
const repoRoot = path.resolve(__dirname, '../..');

describe('file naming', () => {
  it('puts every version the build depends on in the file name', () => {
    expect(nativeBindingFileName(versions)).toBe(expectedName);
  });

  it('keeps bindings in <appRoot>/.electron-native', () => {
    const root = path.join('/srv', 'lagesbild');
    expect(nativeBindingDir(root)).toBe(path.join(root, '.electron-native'));
    expect(nativeBindingPath(root, versions)).toBe(path.join(root, '.electron-native', expectedName));
  });

  it('reads the stamp back from a file name, also for pre-release versions', () => {
    expect(readStamp(expectedName)).toEqual(versions);
    expect(readStamp(path.join('/x', expectedName))).toEqual(versions);
    const beta = {
      electronVersion: '46.0.0-beta.2',
      betterSqliteVersion: '13.0.0-rc.1',
      platform: 'darwin',
      arch: 'arm64',
    };
    expect(readStamp(nativeBindingFileName(beta))).toEqual(beta);
  });

  it('ignores files that are not prepared bindings', () => {
    expect(readStamp('better_sqlite3.node')).toBeNull();
    expect(readStamp(`${expectedName}.tmp`)).toBeNull();
    expect(readStamp('README.md')).toBeNull();
  });
});

describe('needsBuild', () => {
  it('builds when the folder is empty or missing', () => {
    expect(needsBuild([], versions)).toBe(true);
  });

  it('builds when only a binding for another Electron or better-sqlite3 version is there', () => {
    const oldElectron = nativeBindingFileName({ ...versions, electronVersion: '44.0.0' });
    const oldSqlite = nativeBindingFileName({ ...versions, betterSqliteVersion: '12.0.0' });
    const otherArch = nativeBindingFileName({ ...versions, arch: 'arm64' });
    expect(needsBuild([oldElectron, oldSqlite, otherArch], versions)).toBe(true);
    expect(staleBindings([oldElectron, oldSqlite, otherArch, 'notes.txt'], versions)).toEqual([
      oldElectron,
      oldSqlite,
      otherArch,
    ]);
  });

  it('does nothing when the expected binding is present', () => {
    const old = nativeBindingFileName({ ...versions, electronVersion: '44.0.0' });
    expect(needsBuild([old, expectedName], versions)).toBe(false);
    expect(staleBindings([old, expectedName], versions)).toEqual([old]);
  });

  it('does not count a half-copied file as a build', () => {
    expect(needsBuild([`${expectedName}.tmp`], versions)).toBe(true);
  });
});

describe('resolveNativeBinding', () => {
  it('returns the path when the binding exists', () => {
    const root = path.join('/srv', 'lagesbild');
    const file = path.join(root, '.electron-native', expectedName);
    expect(resolveNativeBinding(root, versions, (f) => f === file)).toBe(file);
  });

  it('throws a Swedish and English message that says to run npm start', () => {
    const root = path.join('/srv', 'lagesbild');
    let message = '';
    try {
      resolveNativeBinding(root, versions, () => false);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('better-sqlite3 är inte förberett för Electron 45.4.1');
    expect(message).toContain('has not been prepared for Electron 45.4.1');
    expect(message).toContain('`npm start`');
    expect(message).toContain(path.join(root, '.electron-native', expectedName));
  });
});

describe('readPackageVersion', () => {
  it('reads the installed versions from node_modules', () => {
    expect(readPackageVersion(repoRoot, 'electron')).toMatch(/^\d+\.\d+\.\d+/);
    expect(readPackageVersion(repoRoot, 'better-sqlite3')).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('refuses a package.json without a version', () => {
    expect(() => readPackageVersion('/x', 'electron', () => '{}')).toThrow(/No version/);
  });
});

describe('preparing the build', () => {
  it('copies better-sqlite3 without its build folder, so the Node build is never touched', () => {
    expect(shouldCopyForBuild('')).toBe(true);
    expect(shouldCopyForBuild('package.json')).toBe(true);
    expect(shouldCopyForBuild(path.join('deps', 'sqlite3', 'sqlite3.c'))).toBe(true);
    expect(shouldCopyForBuild(path.join('src', 'better_sqlite3.cpp'))).toBe(true);
    expect(shouldCopyForBuild('build')).toBe(false);
    expect(shouldCopyForBuild(path.join('build', 'Release', 'better_sqlite3.node'))).toBe(false);
    expect(shouldCopyForBuild('node_modules')).toBe(false);
  });

  it('finds the built addon where node-gyp and prebuild-install put it', () => {
    expect(builtBindingPath('/tmp/x')).toBe(path.join('/tmp/x', 'build', 'Release', 'better_sqlite3.node'));
  });

  it('targets Electron and drops nodedir in any spelling', () => {
    const env = electronBuildEnv(
      { PATH: '/usr/bin', npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', HOME: '/root', UNSET: undefined },
      versions,
      ['/app/node_modules/.bin'],
      ':',
    );
    expect(env).toMatchObject({
      npm_config_runtime: 'electron',
      npm_config_target: '45.4.1',
      npm_config_disturl: ELECTRON_DIST_URL,
      npm_config_arch: 'x64',
      HOME: '/root',
      PATH: '/app/node_modules/.bin:/usr/bin',
    });
    expect(Object.keys(env).filter((k) => k.toLowerCase() === 'npm_config_nodedir')).toEqual([]);
    expect('UNSET' in env).toBe(false);
  });

  it('keeps the existing spelling of PATH (Windows uses Path)', () => {
    const env = electronBuildEnv({ Path: 'C:\\Windows' }, versions, ['C:\\app\\node_modules\\.bin'], ';');
    expect(env['Path']).toBe('C:\\app\\node_modules\\.bin;C:\\Windows');
    expect('PATH' in env).toBe(false);
  });

  it("overrides a nodedir from the user's .npmrc on npm's command line", () => {
    expect(BUILD_NPM_ARGS).toEqual(['run', 'install', '--nodedir=']);
  });
});
