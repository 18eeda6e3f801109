import type { ReportEdits } from '../../../../shared/report';
import { REPORT_LIMITS } from '../../../../shared/report';
import type { ReportDetails } from '../../../../shared/report-api';
import { TextField } from '../loften/fields';
import { LogoField } from './LogoField';
import { slotSections, withFigure, type FieldIssues } from './model';
import { SlotField } from './SlotField';

const anchor = (id: string) => `rapport-${id}`;

function jump(id: string) {
  const el = document.getElementById(anchor(id));
  el?.scrollIntoView({ block: 'start' });
  el?.querySelector<HTMLElement>('h4')?.focus({ preventScroll: true });
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The report's parts to work on: the title page, then chapter by chapter the texts to write and the figures
 * to keep, with an outline beside them. A fastställd report shows its texts read-only and its figures fixed.
 */
export function ReportChapters({
  report,
  edits,
  issues,
  titlePlaceholder,
  locked,
  onChange,
}: {
  report: ReportDetails;
  edits: ReportEdits;
  issues: FieldIssues;
  titlePlaceholder: string;
  locked: boolean;
  onChange: (edits: ReportEdits) => void;
}) {
  const chapters = report.document.chapters;
  const where = slotSections(report.document);
  const slotsOf = (title: string) => report.slots.filter((s) => s.chapter === title);
  const figuresOf = (title: string) => report.figures.filter((f) => f.chapter === title);
  const set = (patch: Partial<ReportEdits>) => onChange({ ...edits, ...patch });

  return (
    <div className="report-body">
      <nav className="report-outline" aria-label="Rapportens delar">
        <ol>
          <li>
            <button type="button" className="link" onClick={() => jump('titelsida')}>
              Titelsida
            </button>
          </li>
          {chapters.map((c) => {
            const slots = slotsOf(c.title).length;
            const figures = figuresOf(c.title);
            const kept = figures.filter((f) => !edits.omitted.includes(f.id)).length;
            return (
              <li key={c.id}>
                <button type="button" className="link" onClick={() => jump(c.id)}>
                  {c.title}
                </button>
                <span className="muted">
                  {[
                    slots ? count(slots, 'text', 'texter') : '',
                    figures.length ? `${kept}/${figures.length} figurer` : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            );
          })}
        </ol>
      </nav>
      <div className="report-parts">
        <section id={anchor('titelsida')} className="report-part" aria-labelledby="rapport-titelsida-rubrik">
          <h4 id="rapport-titelsida-rubrik" tabIndex={-1}>
            Titelsida
          </h4>
          <fieldset className="report-titlepage" disabled={locked}>
            <legend className="visually-hidden">Titelsidan</legend>
            <TextField
              label="Rubrik"
              value={edits.title}
              max={REPORT_LIMITS.title}
              placeholder={titlePlaceholder}
              error={issues.title}
              onChange={(title) => set({ title })}
            />
            <TextField
              label="Diarienummer"
              value={edits.diarienummer}
              max={REPORT_LIMITS.diarienummer}
              placeholder="t.ex. KS 2026/123"
              error={issues.diarienummer}
              onChange={(diarienummer) => set({ diarienummer })}
            />
            <LogoField logo={edits.logo} error={issues.logo} disabled={locked} onChange={(logo) => set({ logo })} />
          </fieldset>
        </section>
        {chapters.map((c) => {
          const slots = slotsOf(c.title);
          const figures = figuresOf(c.title);
          return (
            <section key={c.id} id={anchor(c.id)} className="report-part" aria-labelledby={`${anchor(c.id)}-rubrik`}>
              <h4 id={`${anchor(c.id)}-rubrik`} tabIndex={-1}>
                {c.title}
              </h4>
              {slots.length === 0 && figures.length === 0 && (
                <p className="muted">Kapitlet fylls i av Lägesbild; här finns inget att skriva eller välja.</p>
              )}
              {slots.map((s) => (
                <SlotField
                  key={s.key}
                  label={where.get(s.key) ?? c.title}
                  labelHidden={(where.get(s.key) ?? c.title) === c.title}
                  hint={s.hint}
                  value={edits.texts[s.key] ?? s.text}
                  error={issues[`texts.${s.key}`]}
                  readOnly={locked}
                  onChange={(text) => set({ texts: { ...edits.texts, [s.key]: text } })}
                />
              ))}
              {figures.length > 0 && (
                <fieldset className="report-figures" disabled={locked}>
                  <legend>
                    {locked ? 'Figurer och tabeller i rapporten' : 'Figurer och tabeller: ta med i rapporten'}
                  </legend>
                  <ul>
                    {figures.map((f) => (
                      <li key={f.id}>
                        <label className="checkbox">
                          <input
                            type="checkbox"
                            checked={!edits.omitted.includes(f.id)}
                            onChange={(e) => set({ omitted: withFigure(edits.omitted, f.id, e.target.checked) })}
                          />
                          {f.caption}
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
