/** The compared periods in words: the same sentences on screen, in the copied summary and in reports. */
import type { DayRange, PeriodComparison, SourceGap } from './dashboards';
import { SOURCE_LABELS } from './domain';
import { daysInclusive } from './calendar';
import { formatInteger } from './format';

export const periodText = (p: DayRange): string => `${p.fromDay} – ${p.toDay}`;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function gapText(g: SourceGap): string {
  return `${SOURCE_LABELS[g.source]} saknar data ${periodText(g)} (${g.period === 'current' ? 'perioden nu' : 'perioden före'}), fast källan rapporterade varje vecka de fyra veckorna före`;
}

/**
 * Why these periods, when they are not simply the ones asked for. `noun` names the period asked for in
 * definite form ("tertialen", "månaden", "perioden").
 */
export function ruleSentence(c: PeriodComparison, noun = 'perioden'): string | null {
  const asOf = c.asOfDay ?? 'saknas';
  if (c.rule === 'earlier_cycle' && c.asked) {
    return `${capital(noun)} ${periodText(c.asked)} är inte slut i datan (senaste data ${asOf}), så den senaste hela visas.`;
  }
  if (c.rule === 'first_days' && c.asked) {
    const days = daysInclusive(c.current.fromDay, c.current.toDay);
    return `${capital(noun)} ${periodText(c.asked)} går förbi senaste data (${asOf}): dess första ${formatInteger(days)} dagar jämförs med lika många dagar från början av jämförelseperioden.`;
  }
  if (c.rule === 'no_data') {
    return `${capital(noun)} ${periodText(c.current)} börjar efter senaste data (${asOf}): det finns inget att jämföra.`;
  }
  return null;
}

/** Why these periods, and where the data are thin, as sentences for a summary. */
export function comparisonSentences(c: PeriodComparison, noun = 'perioden'): string[] {
  const rule = ruleSentence(c, noun);
  return [...(rule ? [rule] : []), ...(c.gaps.length ? [`Obs: ${c.gaps.map(gapText).join('; ')}.`] : [])];
}
