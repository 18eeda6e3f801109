/**
 * Demo samverkansöverenskommelser and their fokusområden (above the demo löften): each fokusområde with its
 * problem, an orsaksanalys in the crime triangle's three parts (brottsutsatt, gärningsperson, plats) and
 * "övrigt", measurable goals (the published targets in DOMAIN.md) and follow-up. Invented, but told with the
 * places the demo's walks and åtgärder use. Written only into a new demo database (see `seedLoften`), so an
 * existing one keeps the text it has.
 */
import type { Db } from '../db/connection';
import { addDays } from '../../shared/calendar';

export interface DemoFocusArea {
  title: string;
  problem: string;
  causeVictim: string;
  causeOffender: string;
  causePlace: string;
  /** Övrigt. */
  causes: string;
  goals: string;
  followUp: string;
}

export interface DemoAgreement {
  title: string;
  from: string;
  to: string;
  kommuner: string[];
  focus: DemoFocusArea[];
}

export const DEMO_AGREEMENTS: readonly DemoAgreement[] = [
  {
    title: 'Samverkansöverenskommelse Klippan 2021–2026',
    from: '2021-01-01',
    to: '2026-12-31',
    kommuner: ['Klippan'],
    focus: [
      {
        title: 'Narkotika och trafik',
        problem:
          'Narkotikapåverkade personer utomhus och fortkörning i centrala Klippan har de högsta problemindexen i trygghetsmätningen.',
        causeVictim:
          'Unga i högstadiet och gymnasiet som erbjuds narkotika, och deras familjer. I trafiken gående och cyklister på Storgatan och vid skolorna.',
        causeOffender:
          'Ett fåtal unga vuxna som säljer mindre mängder, med kontakt via sociala medier och överlämning utomhus. Bilister, ofta unga, som kör fort genom centrum kvällstid.',
        causePlace:
          'Överlämningar vid Klippans station och i Åbyparken, där det är mörkt och få vuxna rör sig på kvällen. Storgatans raksträcka inbjuder till höga hastigheter.',
        causes: 'Skolan och socialtjänsten ser att debutåldern för cannabis sjunker.',
        goals:
          'Minst 4 narkotikainsatser mot ungdomar och minst 4 riktade trafikinsatser tillsammans med andra myndigheter per år.',
        followUp: 'Följs upp i Lokala Brå och på LPO:s ledningsmöten; trygghetsmätningen varje år.',
      },
      {
        title: 'Nedskräpning och skadegörelse i centrum',
        problem:
          'Nedskräpningen har ökat i trygghetsmätningen 2024 och 2025, mest kring stationen och Storgatan, och skadegörelsen där är hög.',
        causeVictim:
          'Pendlare och resenärer vid stationen, handlare och fastighetsägare längs Storgatan, och kommunen som får bekosta saneringen.',
        causeOffender:
          'Mest unga i grupp som samlas kvällstid och på helger; klotter och krossade rutor kommer i perioder, ofta efter evenemang.',
        causePlace:
          'Cykelgaraget och väntytorna vid Klippans station, trasig belysning vid cykelstället och för få papperskorgar längs Storgatan. Buskage i Åbyparken skymmer sikten.',
        causes: '',
        goals: 'Problemindex för nedskräpning ska minska i nästa trygghetsmätning; klotter saneras inom 48 timmar.',
        followUp: 'EST-möte varje månad; kvartalsrapport till Lokala Brå.',
      },
    ],
  },
  {
    title: 'Samverkansöverenskommelse Kävlinge 2017–2019',
    from: '2017-01-01',
    to: '2019-12-31',
    kommuner: ['Kävlinge'],
    focus: [
      {
        title: 'Trafik och trygghet',
        problem: 'Hastighet och trafikmiljö, och ungdomars fritid, är det invånarna oroar sig mest för.',
        causeVictim: 'Barn på väg till och från skolan, cyklister och äldre som går i Kävlinge centrum och Furulund.',
        causeOffender:
          'Bilister som kör för fort på genomfartsgatorna, till stor del boende i kommunen; unga som saknar meningsfull fritid kvällstid.',
        causePlace:
          'Korsningen vid Malmövägen och övergångsställena vid skolorna, mörka gång- och cykeltunnlar och stationsområdet i Kävlinge.',
        causes: 'Kommunen växer snabbt och trafiken har ökat mer än gatunätet har byggts om.',
        goals:
          'Minst en trafikinsats i veckan, minst två trygghetsvandringar med inriktning på trafikmiljön och minst två besök per månad på fritidsgårdarna.',
        followUp: 'Årsuppföljning i Lokala Brå.',
      },
    ],
  },
  {
    title: 'Samverkansöverenskommelse Svalöv 2027–2030 (förslag)',
    from: '2027-01-01',
    to: '2030-12-31',
    kommuner: ['Svalöv'],
    focus: [
      {
        title: 'Skadegörelse',
        problem: 'Sedan sommaren 2026 har skadegörelsen i Teckomatorp ökat kraftigt (EST-rapporter).',
        causeVictim:
          'Resenärer vid stationen, Skånetrafiken och kommunens fastigheter; boende som upplever orten som otrygg.',
        causeOffender: 'En mindre grupp tonåringar, enligt skolan och fältarna; händelserna följer skolloven.',
        causePlace:
          'Stationsområdet och busshållplatsen i Teckomatorp: dålig belysning, ingen insyn från bostäderna och inga vuxna kvällstid.',
        causes: '',
        goals: 'Anmäld skadegörelse i Teckomatorp ska minska jämfört med 2026.',
        followUp: '',
      },
    ],
  },
];

/** Writes the demo agreements; returns each fokusområde's id by title. */
export function seedAgreements(db: Db, kommunId: (name: string) => number, today: string): Map<string, number> {
  const focusIds = new Map<string, number>();
  const addAgreement = db.prepare(
    `INSERT INTO agreement (title, period_from, period_to, signed_by_lpo, signed_by_kommun, signed_on, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addKommun = db.prepare('INSERT INTO agreement_kommun (agreement_id, kommun_id) VALUES (?, ?)');
  const addArea = db.prepare(
    `INSERT INTO focus_area (agreement_id, title, problem, cause_victim, cause_offender, cause_place, causes, goals,
       follow_up, sort_order)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const a of DEMO_AGREEMENTS) {
    const signed = a.from < today;
    const created = `${addDays(a.from, -60)}T09:00:00Z`;
    const agreementId = Number(
      addAgreement.run(
        a.title,
        a.from,
        a.to,
        signed ? 'Lokalpolisområdeschef' : '',
        signed ? 'Kommunstyrelsens ordförande' : '',
        signed ? addDays(a.from, -30) : null,
        created,
        created,
      ).lastInsertRowid,
    );
    for (const k of a.kommuner) addKommun.run(agreementId, kommunId(k));
    a.focus.forEach((f, i) => {
      const id = addArea.run(
        agreementId,
        f.title,
        f.problem,
        f.causeVictim,
        f.causeOffender,
        f.causePlace,
        f.causes,
        f.goals,
        f.followUp,
        i,
      ).lastInsertRowid;
      focusIds.set(f.title, Number(id));
    });
  }
  return focusIds;
}
