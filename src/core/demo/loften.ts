/**
 * Demo medborgarlöften: the real targets published in these LPOs (DOMAIN.md: Klippan 2021–22, Kävlinge
 * 2017 and 2018) as löften with plausible follow-up logs, one running löfte for 2026 with its follow-up so
 * far, and one draft for the coming year. Samverkansöverenskommelser with fokusområden above them
 * (./agreements).
 * Deterministic, and written once (into a demo database without löften).
 */
import type { Db } from '../db/connection';
import { LofteRepo } from '../lofte/repo';
import type { Cadence, LofteActivity, LofteContent, LofteEvidence, LofteState, Responsible } from '../../shared/lofte';
import { addDays, addMonthStarts, dayDiff } from '../../shared/calendar';
import { Random } from './random';
import { seedAgreements } from './agreements';

/** Who the demo's decisions are recorded as. */
const DEMO_ACTOR = { name: 'Exempeldata (påhittad samordnare)', organisation: '', role: 'samordnare' as const };

const activity = (
  key: string,
  kind: string,
  quantity: number | null,
  cadence: Cadence | null,
  responsible: Responsible | null,
  note = '',
  partner = '',
): LofteActivity => ({ key, kind, quantity, cadence, responsible, partner, note });

interface DemoLofte {
  kommun: string;
  periodFrom: string;
  periodTo: string;
  focus: string;
  state: LofteState;
  content: LofteContent;
  /** Per activity key: how many were done per cadence unit on average (1 = on target). */
  performance: Record<string, number>;
}

function demoLoften(kommunId: (name: string) => number): DemoLofte[] {
  const klippan = kommunId('Klippan');
  const svalov = kommunId('Svalöv');
  const survey = (indicator: string, kommun: number | null): LofteEvidence => ({
    kind: 'survey',
    indicator,
    kommunId: kommun,
  });
  return [
    {
      kommun: 'Klippan',
      periodFrom: '2021-05-01',
      periodTo: '2022-04-30',
      focus: 'Narkotika och trafik',
      state: 'avslutad',
      performance: { narkotika: 1, trafik: 0.75, est: 1 },
      content: {
        title: 'Medborgarlöfte Klippan 2021–2022',
        problem:
          'Narkotika bland unga och trafiken i centrala Klippan upplevs som de största problemen i trygghetsmätningen.',
        evidence: [survey('narkotikapaverkade', klippan), survey('fortkorning', klippan)],
        activities: [
          activity('narkotika', 'Narkotikainsats mot ungdomar', 4, 'period', 'polis'),
          activity('trafik', 'Riktad trafikinsats tillsammans med andra myndigheter', 4, 'period', 'gemensamt'),
          activity('est', 'EST-möte med rapportverktyget', 1, 'manad', 'kommun'),
        ],
        effectGoal: 'Problemindex för narkotikapåverkade personer utomhus ska minska i nästa trygghetsmätning.',
        followUp: 'Följs upp i Lokala Brå och på LPO:s ledningsmöten.',
      },
    },
    {
      kommun: 'Kävlinge',
      periodFrom: '2017-01-01',
      periodTo: '2017-12-31',
      focus: 'Trafik och trygghet',
      state: 'avslutad',
      performance: { trafik: 0.9, vandring: 1, fritid: 1.1, grannsamverkan: 1 },
      content: {
        title: 'Medborgarlöfte Kävlinge 2017',
        problem: 'Hastighet och trafikmiljö, och ungdomars fritid, är det invånarna oroar sig mest för.',
        evidence: [survey('fortkorning', kommunId('Kävlinge')), survey('totalindex', kommunId('Kävlinge'))],
        activities: [
          activity('trafik', 'Trafikinsats', 1, 'vecka', 'polis'),
          activity('vandring', 'Trygghetsvandring med inriktning på trafikmiljön', 2, 'period', 'gemensamt'),
          activity('fritid', 'Besök på kommunens fritidsgårdar', 2, 'manad', 'polis'),
          activity('grannsamverkan', 'Nytt uppstartsmöte för grannsamverkan', 2, 'period', 'gemensamt'),
        ],
        effectGoal: 'Den upplevda tryggheten ska öka i kommande trygghetsmätning.',
        followUp: 'Årsuppföljning i Lokala Brå.',
      },
    },
    {
      kommun: 'Kävlinge',
      periodFrom: '2018-01-01',
      periodTo: '2018-12-31',
      focus: 'Trafik och trygghet',
      state: 'avslutad',
      performance: { uppfoljningsvandring: 1 },
      content: {
        title: 'Medborgarlöfte Kävlinge 2018',
        problem: 'Åtgärderna från 2017 års trygghetsvandringar behöver följas upp på plats.',
        evidence: [survey('totalindex', kommunId('Kävlinge'))],
        activities: [activity('uppfoljningsvandring', 'Uppföljningsvandring', 2, 'period', 'gemensamt')],
        effectGoal: 'Den upplevda tryggheten ska öka i kommande trygghetsmätning.',
        followUp: 'Årsuppföljning i Lokala Brå.',
      },
    },
    {
      kommun: 'Klippan',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      focus: 'Nedskräpning och skadegörelse i centrum',
      state: 'uppfoljning',
      // Behind on the walks: the Översikt shows it.
      performance: { stadrunda: 1, vandring: 0.2, est: 1 },
      content: {
        title: 'Ett renare och tryggare Klippans centrum 2026',
        problem:
          'Nedskräpningen har ökat i trygghetsmätningen 2024 och 2025, mest kring stationen och Storgatan, och skadegörelsen där är hög.',
        evidence: [survey('nedskrapning', klippan), survey('skadegorelse', klippan)],
        activities: [
          activity('stadrunda', 'Gemensam städrunda med fastighetsägare', 1, 'manad', 'partner', '', 'Klippanbostäder'),
          activity('vandring', 'Trygghetsvandring kring stationen', 2, 'period', 'gemensamt'),
          activity('est', 'EST-möte om centrum', 2, 'manad', 'kommun'),
        ],
        effectGoal: 'Problemindex för nedskräpning i Klippan ska minska i nästa trygghetsmätning.',
        followUp: 'Kvartalsrapport till Lokala Brå; slutrapport till kommunfullmäktige i januari 2027.',
      },
    },
    {
      kommun: 'Svalöv',
      periodFrom: '2027-01-01',
      periodTo: '2027-12-31',
      focus: 'Skadegörelse',
      state: 'utkast',
      performance: {},
      content: {
        title: 'Skadegörelse i Teckomatorp',
        problem: 'Sedan sommaren 2026 har skadegörelsen i Teckomatorp ökat kraftigt (EST-rapporter).',
        evidence: [
          {
            kind: 'filter',
            label: 'Skadegörelse i Svalöv, maj–augusti 2026',
            filter: { kommunIds: [svalov], categories: ['skadegorelse'], fromDay: '2026-05-01', toDay: '2026-08-31' },
          },
        ],
        activities: [
          activity('patrull', 'Riktad patrull kvällstid i Teckomatorp', 2, 'vecka', 'polis'),
          // Still lacking its cadence and owner: the SMART checklist warns.
          activity('belysning', 'Ny belysning vid stationen', 1, null, null),
        ],
        effectGoal: 'Anmäld skadegörelse i Teckomatorp ska minska jämfört med 2026.',
        followUp: '',
      },
    },
  ];
}

/** Days of one cadence unit across the period, to spread the logged activities over. */
function unitStarts(from: string, to: string, cadence: Cadence): string[] {
  const starts: string[] = [];
  if (cadence === 'period') return [from];
  for (let d = from; d <= to;) {
    starts.push(d);
    if (cadence === 'vecka') d = addDays(d, 7);
    else {
      d = addMonthStarts(d, 1);
    }
  }
  return starts;
}

export function seedLoften(db: Db, today = '2026-11-22'): number {
  if (db.prepare('SELECT 1 FROM lofte LIMIT 1').get() !== undefined) return 0;
  const ids = new Map(
    (db.prepare('SELECT id, name FROM kommun').all() as { id: number; name: string }[]).map((k) => [k.name, k.id]),
  );
  if (!ids.has('Klippan') || !ids.has('Kävlinge') || !ids.has('Svalöv')) return 0;
  const kommunId = (name: string) => ids.get(name)!;
  const rnd = new Random(2017);
  const focusIds = seedAgreements(db, kommunId, today);
  let written = 0;
  for (const d of demoLoften(kommunId)) {
    // Each step dated as it would have been: drafted two months before, decided a month before the start.
    let when = new Date(`${addDays(d.periodFrom, -60)}T09:00:00Z`);
    const repo = new LofteRepo(db, () => when);
    const l = repo.create({
      kommunId: kommunId(d.kommun),
      periodFrom: d.periodFrom,
      periodTo: d.periodTo,
      focusAreaId: focusIds.get(d.focus) ?? null,
      content: d.content,
    });
    const path: LofteState[] = ['for_granskning', 'beslutad', 'uppfoljning', 'avslutad'];
    const steps = path.slice(0, path.indexOf(d.state) + 1);
    const dates = [addDays(d.periodFrom, -45), addDays(d.periodFrom, -30), d.periodFrom, addDays(d.periodTo, 20)];
    steps.forEach((s, i) => {
      when = new Date(`${dates[i]}T09:00:00Z`);
      if (s === 'avslutad') return; // closed after the logs below
      // The demo's history says who, as a real one would: an invented name, marked as example data.
      repo.transition(l.id, s, { by: DEMO_ACTOR });
    });
    const lastDay = d.periodTo < today ? d.periodTo : addDays(today, -1);
    for (const a of d.content.activities) {
      const perf = d.performance[a.key];
      if (!perf || !a.quantity || !a.cadence || d.periodFrom > lastDay) continue;
      for (const start of unitStarts(d.periodFrom, lastDay, a.cadence)) {
        // Whole units: round the expected count up or down at random around the performance.
        const unitEnd = a.cadence === 'period' ? lastDay : addDays(start, a.cadence === 'vecka' ? 6 : 27);
        const expected = a.quantity * perf;
        const n = Math.floor(expected) + (rnd.next() < expected - Math.floor(expected) ? 1 : 0);
        const span = Math.max(1, dayDiff(start, unitEnd));
        for (let i = 0; i < n; i++) {
          const day = addDays(start, Math.floor(((i + 0.5) * span) / n));
          if (day > lastDay) continue;
          when = new Date(`${day}T15:00:00Z`);
          repo.log(l.id, { activityKey: a.key, day, count: 1, place: '', note: '' });
        }
      }
    }
    if (d.state === 'avslutad') {
      when = new Date(`${dates[3]}T09:00:00Z`);
      repo.transition(l.id, 'avslutad', { by: DEMO_ACTOR });
    }
    if (d.state === 'utkast') {
      repo.comment(l.id, 'Kommunpolisen', 'Kan belysningen kopplas till trygghetsvandringen i våras?');
    }
    written++;
  }
  return written;
}
