/** A löfte text that passes every SMART check: one survey indicator as evidence, one measurable activity. */
import { emptyContent, type LofteContent } from '../../src/shared/lofte';

export const completeContent = (over: Partial<LofteContent> = {}): LofteContent => ({
  ...emptyContent(),
  title: 'Tryggare centrum',
  problem: 'Nedskräpning och skadegörelse kring stationen.',
  evidence: [{ kind: 'survey', indicator: 'nedskrapning', kommunId: null }],
  activities: [
    {
      key: 'a1',
      kind: 'Trygghetsvandring',
      quantity: 2,
      cadence: 'period',
      responsible: 'gemensamt',
      partner: '',
      note: '',
    },
  ],
  effectGoal: 'Problemindex för nedskräpning ska minska i nästa trygghetsmätning.',
  followUp: 'Kvartalsrapport till Lokala Brå.',
  ...over,
});
