// What a list or screen shows when it has nothing yet: say so, and what will appear here.
import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  body?: string;
  /** An optional next step, e.g. a button. */
  action?: ReactNode;
  headingLevel?: 2 | 3;
}

export function EmptyState({ title, body, action, headingLevel = 2 }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="empty-state" data-testid="empty-state">
      <svg className="empty-state__icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        <rect x="8" y="12" width="32" height="26" rx="4" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <path d="M8 20h32" stroke="currentColor" strokeWidth="2.5" />
        <circle cx="14" cy="16" r="1.5" fill="currentColor" />
      </svg>
      <Heading className="empty-state__title">{title}</Heading>
      {body ? <p className="empty-state__body">{body}</p> : null}
      {action ? <div className="empty-state__action">{action}</div> : null}
    </section>
  );
}
