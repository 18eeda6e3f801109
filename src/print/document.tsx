/** @jsxRuntime automatic */
/**
 * The report as one HTML document: a title page, a table of contents, then the chapters (h2; in a long
 * report each on a new page) with their sections (h3, deeper h4…). h1 is the title only, so the headings
 * run in order.
 */
import type { ReportDocument, Section } from '../shared/report';
import { Block } from './blocks';
import { fontFaceCss, type PrintFontFace } from './fonts';
import { chaptersOnNewPages } from './length';
import { REPORT_CSS } from './styles';
import { dataPerLine, decidedLine } from './text';

type Heading = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
const HEADINGS: readonly Heading[] = ['h2', 'h3', 'h4', 'h5', 'h6'];

function TitlePage({ doc }: { doc: ReportDocument }) {
  return (
    <header className="title-page">
      {doc.logo && <img className="logo" src={doc.logo.dataUrl} alt="Logotyp" />}
      <p className="area">{doc.areaName}</p>
      <div className="main">
        {doc.draft && <p className="draft">UTKAST</p>}
        <h1>{doc.title}</h1>
        {doc.subtitle && <p className="subtitle">{doc.subtitle}</p>}
        <p className="period">{doc.periodLabel}</p>
      </div>
      <div className="meta">
        {doc.diarienummer && <p>Diarienummer: {doc.diarienummer}</p>}
        {doc.decided && <p>{decidedLine(doc.decided)}</p>}
        <p>{dataPerLine(doc)}</p>
      </div>
    </header>
  );
}

function Contents({ chapters }: { chapters: Section[] }) {
  return (
    <nav className="toc" aria-labelledby="innehall">
      <h2 id="innehall">Innehåll</h2>
      <ul>
        {chapters.map((c) => (
          <li key={c.id}>
            <a href={`#${c.id}`}>{c.title}</a>
            {c.sections.length > 0 && (
              <ul>
                {c.sections.map((s) => (
                  <li key={s.id}>
                    <a href={`#${s.id}`}>{s.title}</a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SectionView({ section, depth }: { section: Section; depth: number }) {
  const H = HEADINGS[Math.min(depth, HEADINGS.length - 1)]!;
  return (
    <section className={depth === 0 ? 'chapter' : 'section'} aria-labelledby={section.id}>
      <H id={section.id}>{section.title}</H>
      {section.blocks.map((b, i) => (
        <Block key={i} block={b} />
      ))}
      {section.sections.map((s) => (
        <SectionView key={s.id} section={s} depth={depth + 1} />
      ))}
    </section>
  );
}

export function ReportHtml(props: { doc: ReportDocument; fontFaces: readonly PrintFontFace[] }) {
  const { doc, fontFaces } = props;
  return (
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <title>{doc.title}</title>
        <meta name="author" content={doc.author} />
        <meta name="description" content={doc.subject} />
        <style dangerouslySetInnerHTML={{ __html: `${fontFaceCss(fontFaces)}\n${REPORT_CSS}` }} />
      </head>
      <body>
        <TitlePage doc={doc} />
        {doc.chapters.length > 0 && <Contents chapters={doc.chapters} />}
        <main className={chaptersOnNewPages(doc) ? 'paged' : 'flow'}>
          {doc.chapters.map((c) => (
            <SectionView key={c.id} section={c} depth={0} />
          ))}
        </main>
      </body>
    </html>
  );
}
