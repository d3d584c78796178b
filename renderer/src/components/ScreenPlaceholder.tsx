// A screen whose content is still to come: its heading and a friendly empty state.
import { EmptyState } from './EmptyState';
import { Page } from './Page';

interface ScreenPlaceholderProps {
  title: string;
  emptyTitle: string;
  emptyBody: string;
}

export function ScreenPlaceholder({ title, emptyTitle, emptyBody }: ScreenPlaceholderProps) {
  return (
    <Page title={title}>
      <EmptyState title={emptyTitle} body={emptyBody} />
    </Page>
  );
}
