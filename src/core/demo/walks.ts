/**
 * Demo trygghetsvandringar: Kävlinge's 2017 walks on the traffic environment (the löfte's target), and an
 * evening walk round Klippan's station in March 2026 with its observations (incidents with source
 * "trygghetsvandring") and a protokoll of åtgärder: one done, one declined with its reason, one overdue.
 * Klippan's åtgärdsplan holds measures linked to the lägesbild's problems and to the 2026 löfte.
 */
import type { Db } from '../db/connection';
import { WalkRepo } from '../walks/repo';

/** Observations the demo walks record (each one an incident). */
export const DEMO_WALK_INCIDENTS = 5;

export function seedWalks(db: Db): number {
  if (db.prepare('SELECT 1 FROM walk LIMIT 1').get() !== undefined) return 0;
  const kommun = (name: string) =>
    db.prepare('SELECT id FROM kommun WHERE name = ?').pluck().get(name) as number | undefined;
  const klippan = kommun('Klippan');
  const kavlinge = kommun('Kävlinge');
  if (!klippan || !kavlinge) return 0;
  const lofte = (title: string) =>
    (db.prepare("SELECT id FROM lofte WHERE json_extract(content_json, '$.title') = ?").pluck().get(title) as
      number | undefined) ?? null;
  let when = new Date('2017-05-16T18:00:00Z');
  const repo = new WalkRepo(db, () => when);
  const measure = (input: Parameters<WalkRepo['saveMeasure']>[1]) => repo.saveMeasure(null, input);
  let walks = 0;

  for (const [day, title, places] of [
    [
      '2017-05-16',
      'Trygghetsvandring: trafikmiljön vid skolorna',
      ['Kävlinge centrum', 'Korsningen Malmövägen', 'Skolan'],
    ],
    ['2017-10-03', 'Trygghetsvandring: gång- och cykelvägar', ['Stationen', 'Gång- och cykeltunneln', 'Parken']],
  ] as const) {
    when = new Date(`${day}T18:00:00Z`);
    const walk = repo.save(null, {
      kommunId: kavlinge,
      title,
      walkDay: day,
      afterDark: false,
      route: places.join(' – '),
      places: [...places],
      invited: ['Kävlinge kommun, gatuavdelningen', 'Grannsamverkan', 'Skolans föräldraråd'],
    });
    walks++;
    when = new Date(`${day}T20:00:00Z`);
    const obs = repo.observe(walk.id, {
      placeName: places[1],
      subcategory: 'belysning',
      note: 'Mörkt vid övergångsstället',
    });
    measure({
      kommunId: kavlinge,
      walkId: walk.id,
      observationId: obs.id,
      problem: 'Trafikmiljön vid skolorna',
      what: 'Ny belysning vid övergångsstället',
      responsible: 'Gatuavdelningen',
      status: 'klar',
      declineReason: '',
      inPlan: false,
    });
  }

  when = new Date('2026-03-10T21:00:00Z');
  const walk = repo.save(null, {
    kommunId: klippan,
    title: 'Kvällsvandring kring Klippans station',
    walkDay: '2026-03-10',
    afterDark: true,
    route: 'Stationen – Storgatan – Åbyparken',
    places: ['Klippans station', 'Storgatan', 'Åbyparken'],
    invited: ['Klippans kommun, Teknik och fritid', 'Klippanbostäder', 'Räddningstjänsten', 'Föreningen Trygga vuxna'],
  });
  walks++;
  const plan = lofte('Ett renare och tryggare Klippans centrum 2026');
  const lamp = repo.observe(walk.id, {
    placeName: 'Klippans station',
    subcategory: 'belysning',
    note: 'Två lampor trasiga vid cykelstället',
  });
  const litter = repo.observe(walk.id, {
    placeName: 'Storgatan',
    subcategory: 'nedskrapning',
    note: 'Överfulla papperskorgar',
  });
  const bushes = repo.observe(walk.id, {
    placeName: 'Åbyparken',
    subcategory: 'insyn',
    note: 'Buskage skymmer gångvägen',
  });
  when = new Date('2026-03-20T09:00:00Z');
  measure({
    kommunId: klippan,
    walkId: walk.id,
    observationId: lamp.id,
    lofteId: plan,
    problem: 'Otrygg plats vid stationen',
    what: 'Byt armaturer vid cykelstället',
    responsible: 'Teknik och fritid',
    dueDay: '2026-04-30',
    status: 'klar',
    declineReason: '',
    inPlan: true,
  });
  measure({
    kommunId: klippan,
    walkId: walk.id,
    observationId: litter.id,
    lofteId: plan,
    problem: 'Nedskräpning i centrum',
    what: 'Fler och större papperskorgar längs Storgatan, tömning två gånger i veckan',
    responsible: 'Teknik och fritid',
    status: 'pagar',
    declineReason: '',
    inPlan: true,
  });
  measure({
    kommunId: klippan,
    walkId: walk.id,
    observationId: bushes.id,
    problem: 'Insyn i Åbyparken',
    what: 'Röj buskaget längs gångvägen',
    responsible: 'Fastighetsägaren (privat)',
    status: 'avslagen',
    declineReason: 'Marken är privat; fastighetsägaren har fått ett brev från kommunen.',
    inPlan: false,
  });
  // The åtgärdsplan (lag 2023:196): measures written straight into the plan.
  when = new Date('2026-01-15T09:00:00Z');
  measure({
    kommunId: klippan,
    lofteId: plan,
    problem: 'Skadegörelse vid stationen (lägesbilden 2025)',
    what: 'Kameraövervakning av cykelgaraget utreds',
    responsible: 'Säkerhetssamordnare',
    dueDay: '2026-06-30',
    status: 'pagar',
    declineReason: '',
    inPlan: true,
  });
  return walks;
}
