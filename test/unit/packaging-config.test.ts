/**
 * The installer configuration (electron-builder.yml). Building installers needs the Electron binary,
 * which this environment lacks, so the configuration is read and checked instead: loaded and validated
 * by electron-builder's own code (app-builder-lib's getConfig and its JSON schema), then the targets
 * kommun IT deploys and the Electron fuses asserted.
 */
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../..');
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(repoRoot, 'electron-builder.yml', null);
});

function targets(platform: Configuration['win']): unknown[] {
  const target = (platform as { target?: unknown } | null | undefined)?.target;
  return Array.isArray(target) ? target : [target];
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema, and the schema would catch a misspelt fuse", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('names the app', () => {
    expect(config.appId).toBe('se.lagesbild.app');
    expect(config.productName).toBe('Lägesbild');
  });

  it('builds the installers kommun IT deploys', () => {
    expect(targets(config.win)).toEqual(['nsis', 'msi']);
    expect(targets(config.mac)).toEqual(['dmg']);
    expect(targets(config.linux)).toEqual(['AppImage']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true });
    expect(config.msi).toMatchObject({ perMachine: true });
  });

  it('packs only the built app into an asar, with the native SQLite binding outside it', () => {
    expect(config.asar).toBe(true);
    // getConfig normalizes the list into one file set.
    const files = (config.files as { filter: string[] }[]).flatMap((set) => set.filter);
    expect(files).toEqual(['out/**', 'package.json', '.electron-native/*.node', '!**/*.map']);
    for (const pattern of files) expect(pattern).not.toMatch(/\b(src|test|bench|scripts)\b/);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['.electron-native/*.node', '**/node_modules/better-sqlite3/**/*.node']),
    );
  });

  it('sets the Electron fuses: no RunAsNode, no NODE_OPTIONS or inspect flags, asar integrity on', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
