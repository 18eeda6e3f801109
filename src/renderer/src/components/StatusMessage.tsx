import type { ReactNode } from 'react';

/** A short result of what the user just did: an error is announced at once, information politely. */
export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export function StatusMessage({
  notice,
  id,
  inline = false,
  children,
}: {
  notice: Notice | null;
  id?: string;
  /** Inside a row of controls (a span), not a paragraph of its own. */
  inline?: boolean;
  /** After the text, e.g. an Ångra button. */
  children?: ReactNode;
}) {
  if (!notice) return null;
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag
      id={id}
      className={notice.kind === 'error' ? 'form-error' : 'form-info'}
      role={notice.kind === 'error' ? 'alert' : 'status'}
    >
      {notice.text}
      {children}
    </Tag>
  );
}
