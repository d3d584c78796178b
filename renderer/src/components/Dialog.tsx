// A modal dialog on the native <dialog>: the rest of the page is inert while it is open,
// Escape closes it, and focus returns to where it was.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons under the content. */
  footer?: ReactNode;
  /** Optional extra class for width, e.g. 'dialog--wide'. */
  className?: string;
  /** Escape and the backdrop do nothing while true (an import is running, for instance). */
  busy?: boolean;
  testId?: string;
}

export function Dialog({ open, title, onClose, children, footer, className, busy = false, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (open && !element.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    } else if (!open && element.open) {
      element.close();
      const target = returnFocus.current;
      returnFocus.current = null;
      if (target?.isConnected) target.focus();
    }
  }, [open]);

  // Unmounted while open (the screen went away): give focus back all the same.
  useEffect(
    () => () => {
      const target = returnFocus.current;
      if (target?.isConnected) target.focus();
    },
    [],
  );

  return (
    <dialog
      ref={ref}
      className={['dialog', className ?? ''].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        // React's state decides whether the dialog is open, not the browser.
        event.preventDefault();
        if (!busy) onClose();
      }}
      onMouseDown={(event) => {
        if (event.target === ref.current && !busy) onClose();
      }}
    >
      {open ? (
        <div className="dialog__inner">
          <h2 className="dialog__title" id={titleId}>
            {title}
          </h2>
          <div className="dialog__body">{children}</div>
          {footer ? <div className="dialog__footer">{footer}</div> : null}
        </div>
      ) : null}
    </dialog>
  );
}
