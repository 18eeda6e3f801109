/**
 * The audit log outside the app's screens: who a connection records, erasure of personal data (the chain
 * still verifies), the CSV export with its chain head, the command line's exit codes, and what the
 * triggers cost per write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DbContext } from '../../src/core/app/context';
import { auditSource } from '../../src/core/audit/erasable';
import { exportAuditCsv, exportEntriesJson, headFromExport } from '../../src/core/audit/export';
import { latestHead, readHead, recordHead } from '../../src/core/audit/heads';
import { keepSuperseded, lastEntryId, logRestore } from '../../src/core/audit/restore';
import { installAudit } from '../../src/core/audit/install';
import { verifyAudit } from '../../src/core/audit/verify';
import { newIncident } from '../helpers/db';
import { testWorkspace, type TestWorkspace } from '../helpers/workspace';

const ROOT = path.resolve(__dirname, '../..');
let t: TestWorkspace;
let ctx: DbContext;
let klippan: number;

beforeAll(async () => {
  // A demo database made by the workspace, then reopened as a context that names its user.
  t = testWorkspace({ demoRows: 20 });
  t.ws.openDemo();
  await t.ws.ready();
  klippan = t.one<number>("SELECT id FROM kommun WHERE name = 'Klippan'");
  ctx = DbContext.open(t.ws.db().path, { actor: () => 'Eva Ek (Klippans kommun)', quickCheck: false });
});
afterAll(async () => {
  ctx.close();
  await t.close();
});

const db = () => ctx.read((r) => r.db);
const create = (description: string) =>
  ctx.write(['incidents'], (r) => r.incidents.create(newIncident(klippan, { description })));

describe('vem och rensning', () => {
  it('posten bär anslutningens användare', () => {
    const id = create('Cykel stulen av Olle Svensson').id;
    const row = db().prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as Record<string, string>;
    expect(row).toMatchObject({ actor: 'Eva Ek (Klippans kommun)', object_id: String(id), action: 'skapad' });
  });

  it('personuppgifter i en post rensas och kedjan håller', () => {
    const hits = auditSource.find(db(), 'olle svensson');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]).toMatchObject({ source: 'audit', field: 'content_json' });
    expect(hits[0]!.excerpt).toContain('Olle Svensson');
    const changed = ctx.write(['incidents'], ({ db }) => auditSource.erase(db, hits, 'Olle Svensson', 'mask'));
    expect(changed).toBe(hits.length);
    expect(auditSource.find(db(), 'Olle Svensson')).toEqual([]);
    const erased = db().prepare('SELECT content_json, erased FROM audit_log WHERE id = ?').get(hits[0]!.id) as {
      content_json: string;
      erased: number;
    };
    expect(erased.erased).toBe(1);
    expect(erased.content_json).toContain('Cykel stulen av [raderat]');
    const last = db().prepare('SELECT action, content_json FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(last).toEqual({
      action: 'rensning',
      content_json: JSON.stringify({ entries: [hits[0]!.id], mode: 'mask' }),
    });
    expect(verifyAudit(db(), latestHead(db()))).toMatchObject({ ok: true, problems: [] });
  });

  it('en post markerad som rensad utan loggad rensning upptäcks', () => {
    const id = create('Ännu en').id;
    const entry = db()
      .prepare("SELECT max(id) FROM audit_log WHERE object_id = ? AND object_type = 'incident'")
      .pluck()
      .get(String(id)) as number;
    // Allowed by the table's trigger (it is how erasure works), but no "rensning" names it.
    db().prepare(`UPDATE audit_log SET content_json = '{}', erased = 1 WHERE id = ?`).run(entry);
    expect(verifyAudit(db()).problems).toEqual([
      { id: entry, message: `Post ${entry} är markerad som rensad, men ingen rensning av den är loggad.` },
    ]);
  });
});

describe('export och kommandorad', () => {
  it('CSV: BOM, semikolon, svenska rubriker och kedjehuvudet sist', () => {
    const file = t.tmp.file('logg.csv');
    const rows = exportAuditCsv(db(), file, { objectType: 'incident' });
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFFTid;Användare;Objekt;Id;Händelse;Före;Efter;Hash\r\n')).toBe(true);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(rows + 2);
    expect(lines[1]).toMatch(/;Händelse;\d+;skapad;;/);
    const head = latestHead(db())!;
    expect(lines.at(-1)).toBe(`Kedjehuvud;${head.id};;;;;;${head.hash}`);
    expect(headFromExport(file)).toEqual(head);
    const json = t.tmp.file('ersatta.json');
    expect(exportEntriesJson(db(), head.id - 1, json)).toBe(2);
    expect(headFromExport(json)).toEqual(head);
  });

  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/audit.ts'), ...args], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    return { code: r.status, out: `${r.stdout}${r.stderr}`.trim() };
  };

  it('--verify: 0 när loggen är hel, 1 och den första brutna posten annars', () => {
    const file = t.tmp.file('cli.sqlite');
    db().exec(`VACUUM INTO '${file.replace(/'/g, "''")}'`);
    // The copy without the entry marked erased above: a clean log.
    const raw = new Database(file);
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    raw.exec(
      "DELETE FROM audit_log WHERE id >= (SELECT min(id) FROM audit_log WHERE erased = 1 AND content_json = '{}')",
    );
    raw.close();
    // A few more entries (the example data is one entry, so the log is short): ids 4–6.
    const copy = DbContext.open(file, { actor: () => 'Eva Ek (Klippans kommun)', quickCheck: false });
    for (const d of ['Fyra', 'Fem', 'Sex'])
      copy.write(['incidents'], (r) => r.incidents.create(newIncident(klippan, { description: d })));
    copy.close();
    const ok = cli('--db', file, '--verify');
    expect(ok.out).toMatch(/^Loggen är obruten: \d+ poster, senaste /);
    expect(ok.code).toBe(0);
    const raw2 = new Database(file);
    raw2.exec("UPDATE audit_log SET actor = 'Någon annan' WHERE id = 3; DELETE FROM audit_log WHERE id = 5;");
    raw2.close();
    const broken = cli('--db', file, '--verify');
    expect(broken.code).toBe(1);
    expect(broken.out.split('\n')[0]).toBe(
      'Loggen är bruten vid post 3: Post 3 har ändrats: tid, användare, objekt, händelse eller hash stämmer inte. (2 fel totalt)',
    );
    expect(broken.out).toContain('Post 5 saknas: den har tagits bort ur loggen.');
    const usage = cli('--verify');
    expect(usage.code).toBe(2);
    expect(usage.out).toContain('ange databasen');
  });
});

describe('återställning', () => {
  it('de ersatta posterna sparas i en fil, återställningen loggas och huvudet flyttas', () => {
    const backup = t.tmp.file('backup.sqlite');
    db().exec(`VACUUM INTO '${backup.replace(/'/g, "''")}'`);
    create('Efter säkerhetskopian 1');
    create('Efter säkerhetskopian 2');
    const supersededHead = latestHead(db())!;
    const restored = DbContext.open(backup, { actor: () => 'Eva Ek (Klippans kommun)', quickCheck: false });
    try {
      const rdb = restored.read((r) => r.db);
      const kept = t.tmp.file('ersatta-poster.json');
      expect(keepSuperseded(db(), lastEntryId(rdb), kept)).toBe(2);
      const head = logRestore(rdb, {
        backupFile: backup,
        superseded: supersededHead,
        supersededFile: kept,
        supersededCount: 2,
      });
      const dataDir = t.tmp.file('restore-data');
      recordHead(dataDir, backup, head);
      expect(readHead(dataDir, backup)).toEqual(head);
      const entry = rdb.prepare('SELECT action, actor, content_json FROM audit_log WHERE id = ?').get(head.id) as {
        content_json: string;
      };
      expect(entry).toMatchObject({ action: 'återställning', actor: 'Eva Ek (Klippans kommun)' });
      expect(JSON.parse(entry.content_json)).toMatchObject({
        after: { ersatt_kedjehuvud: supersededHead, ersatta_poster: 2, ersatta_poster_fil: kept },
      });
      const problems = verifyAudit(rdb, head).problems.map((p) => p.message);
      // Only the entry marked erased by hand above (before the backup) is still reported.
      expect(problems).toEqual([expect.stringMatching(/ingen rensning av den är loggad/)]);
    } finally {
      restored.close();
    }
  });
});

describe('kostnad per skrivning', () => {
  it('1000 händelser en och en, med och utan loggen', () => {
    const timed = () => {
      const start = performance.now();
      for (let i = 0; i < 1000; i++) create(`Händelse ${i}`);
      return performance.now() - start;
    };
    timed(); // warm-up
    const withAudit = timed();
    const triggers = db()
      .prepare("SELECT name FROM sqlite_temp_master WHERE type = 'trigger'")
      .pluck()
      .all() as string[];
    for (const name of triggers) db().exec(`DROP TRIGGER temp."${name}"`);
    const without = timed();
    installAudit(db(), { actor: () => 'Eva Ek (Klippans kommun)' });
    const ratio = withAudit / without;
    console.log(
      `1000 händelser: med loggen ${withAudit.toFixed(0)} ms, utan ${without.toFixed(0)} ms, kvot ${ratio.toFixed(2)}`,
    );
    expect(ratio).toBeLessThan(3);
    // 2000 entries written as fast as the machine goes: each entry's time is the one its hash covers.
    expect(verifyAudit(db()).problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/är markerad som rensad, men ingen rensning av den är loggad/),
    ]);
  });
});
