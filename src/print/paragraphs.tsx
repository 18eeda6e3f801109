/** @jsxRuntime automatic */
/** Text as printed: blank lines make paragraphs, a single line break stays a line break. */
import { Fragment } from 'react';
import { splitParagraphs } from './text';

export function Lines({ text }: { text: string }) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return (
    <>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </>
  );
}

/** The paragraphs of a text; an empty text prints nothing. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {splitParagraphs(text).map((p, i) => (
        <p key={i}>
          <Lines text={p} />
        </p>
      ))}
    </>
  );
}
