// A modal dialog that is open while it is mounted: the parent renders it to open it and
// drops it to close it, so every opening starts with fresh form state. The native <dialog>
// makes the rest of the page inert; focus starts on the element marked data-autofocus (else
// the first control of the body) and returns where it was when the dialog closes.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** 'side' slides in from the right, for reading a record beside the list. */
  variant?: 'center' | 'side';
  /** Optional line under the title, read out with it. */
  description?: string;
  testId?: string;
}

export function Dialog({ title, onClose, children, variant = 'center', description, testId }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const baseId = useId();
  const titleId = `${baseId}-title`;
  const descriptionId = `${baseId}-description`;

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    // The browser would focus the close button (first in the dialog); start where the work is.
    const start =
      element.querySelector<HTMLElement>('[data-autofocus]') ??
      element.querySelector<HTMLElement>('.admin-dialog__body :is(input, select, textarea, button):not(:disabled)');
    start?.focus();
    return () => {
      if (element.open) element.close();
      if (returnFocus?.isConnected) returnFocus.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`admin-dialog admin-dialog--${variant}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
      onCancel={(event) => {
        // Escape: let React decide, so the element and the parent's state agree.
        event.preventDefault();
        onClose();
      }}
    >
      <div className="admin-dialog__header">
        <h2 className="admin-dialog__title" id={titleId}>
          {title}
        </h2>
        <button type="button" className="admin-dialog__close" aria-label={t('dialog.close')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {description ? (
        <p className="admin-dialog__description" id={descriptionId}>
          {description}
        </p>
      ) : null}
      <div className="admin-dialog__body">{children}</div>
    </dialog>
  );
}
