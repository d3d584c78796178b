// The frame of one screen: its h1 (focused on arrival, so keyboard and screen-reader users
// land on the new page) and the window title.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PageProps {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}

export function Page({ title, actions, children }: PageProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);

  return (
    <div className="page">
      <div className="page__header">
        <h1 className="page__title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="page__actions">{actions}</div> : null}
      </div>
      <div className="page__body">{children}</div>
    </div>
  );
}
