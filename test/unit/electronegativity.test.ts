/**
 * @doyensec/electronegativity over the main process and the preload script (copied together into one
 * folder, so its global checks see the navigation, permission and CSP handling in main): no finding above
 * informational except those justified in src/main/electronegativity-justified.json, each of which must
 * still occur and have its comment beside the code.
 *
 * The scan runs in a child process through the tool's programmatic runner. It is made offline there:
 * the tool fetches translations and Electron's release list with `got`, which is answered with an
 * immediate failure (it falls back to its bundled English texts), and the release-list check
 * (AvailableSecurityFixesGlobalCheck: is Electron up to date) is left out; the Electron version is given.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../..');
const runner = path.join(repoRoot, 'node_modules/@doyensec/electronegativity/dist/runner.js');
const justifiedFile = path.join(repoRoot, 'src/main/electronegativity-justified.json');
const ELECTRON_VERSION = (
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
).version;

interface Finding {
  id: string;
  file: string;
  line: number;
  severity: string;
  confidence: string;
}
interface Justified {
  id: string;
  file: string;
  why: string;
}

const SCAN = `
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'got') {
    const offline = () => Promise.reject(new Error('offline'));
    offline.head = offline;
    return offline;
  }
  return load.call(this, request, parent, isMain);
};
const [runnerPath, input, electronVersion] = process.argv.slice(1);
require(runnerPath)({
  input,
  isRelative: true,
  electronVersionOverride: electronVersion,
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  customScan: [],
  parserPlugins: [],
}).then((r) => {
  const issues = r.issues.map((i) => ({
    id: i.id, file: i.file, line: i.location.line, severity: i.severity.name, confidence: i.confidence.name,
  }));
  process.stdout.write('\\n@@' + JSON.stringify({ errors: r.errors.length, issues }));
});
`;

let scanDir: string;
let result: { errors: number; issues: Finding[] };

beforeAll(() => {
  scanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lagesbild-electronegativity-'));
  for (const part of ['main', 'preload']) {
    fs.cpSync(path.join(repoRoot, 'src', part), path.join(scanDir, part), { recursive: true });
  }
  const out = execFileSync(process.execPath, ['-e', SCAN, runner, scanDir, ELECTRON_VERSION], {
    encoding: 'utf8',
    timeout: 25_000,
  });
  result = JSON.parse(out.slice(out.lastIndexOf('\n@@') + 3)) as typeof result;
}, 30_000);

afterAll(() => {
  if (scanDir) fs.rmSync(scanDir, { recursive: true, force: true });
});

const justified = (JSON.parse(fs.readFileSync(justifiedFile, 'utf8')) as { findings: Justified[] }).findings;
const key = (f: { id: string; file: string }) => `${f.id} ${f.file}`;

describe('electronegativity', () => {
  it('parses every file it was given', () => {
    expect(result.errors).toBe(0);
  });

  it('finds nothing above informational that is not justified', () => {
    const allowed = new Set(justified.map(key));
    const open = result.issues.filter((f) => f.severity !== 'INFORMATIONAL' && !allowed.has(key(f)));
    expect(open).toEqual([]);
  });

  it('has no stale justification, and each has a reason and a comment beside the code', () => {
    const found = new Set(result.issues.map(key));
    for (const entry of justified) {
      expect(found.has(key(entry)), key(entry)).toBe(true);
      expect(entry.why.length).toBeGreaterThan(40);
      const source = fs.readFileSync(path.join(repoRoot, 'src', entry.file), 'utf8');
      expect(source).toMatch(new RegExp(`electronegativity: [A-Z_, ]*\\b${entry.id}\\b`));
    }
  });
});
