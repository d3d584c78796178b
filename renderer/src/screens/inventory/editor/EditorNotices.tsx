// What the editor says above the form: the car's line of facts, read-only, in the trash,
// an unsaved draft from earlier, and a copy outdated by another PC's save.
import { useTranslation } from 'react-i18next';
import type { CarDto } from '../../../api/contract';
import { formatDateTime } from '../format';
import { StatusBadge } from '../StatusBadge';
import type { Draft } from './drafts';

interface EditorNoticesProps {
  car: CarDto | null;
  canEdit: boolean;
  /** A draft worth offering (it differs from the form). */
  draft: Draft | null;
  outdatedBy: CarDto | null;
  onRestoreDraft: (draft: Draft) => void;
  onDiscardDraft: () => void;
  onShowDiff: (theirs: CarDto) => void;
  onReloadTheirs: (theirs: CarDto) => void;
}

export function EditorNotices({ car, canEdit, draft, outdatedBy, onRestoreDraft, onDiscardDraft, onShowDiff, onReloadTheirs }: EditorNoticesProps) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {car ? (
        <p className="editor-meta">
          <StatusBadge status={car.status} />
          <span className="muted">
            {car.brand} {car.model} · {car.year} · {t('inventory.editor.version', { version: car.version })} · {t('inventory.editor.updated', { when: formatDateTime(car.updatedAt, i18n.language) })}
          </span>
        </p>
      ) : null}
      {!canEdit ? <p className="notice">{t('inventory.editor.readOnly')}</p> : null}
      {car?.deletedAt ? (
        <p className="notice notice--warn" role="status" data-testid="trash-notice">
          {t('inventory.editor.inTrash', { when: formatDateTime(car.deletedAt, i18n.language) })}
        </p>
      ) : null}
      {draft ? (
        <div className="notice notice--row" role="status" data-testid="draft-notice">
          <span>{t('inventory.editor.draftFound', { when: formatDateTime(new Date(draft.savedAt).toISOString(), i18n.language) })}</span>
          <button type="button" className="button button--small button--primary" onClick={() => onRestoreDraft(draft)}>
            {t('inventory.editor.draftRestore')}
          </button>
          <button type="button" className="button button--small button--ghost" onClick={onDiscardDraft}>
            {t('inventory.editor.draftDiscard')}
          </button>
        </div>
      ) : null}
      {outdatedBy ? (
        <div className="notice notice--warn notice--row" role="status">
          <span>{t('inventory.conflict.outdated')}</span>
          <button type="button" className="button button--small button--ghost-dark" onClick={() => onShowDiff(outdatedBy)}>
            {t('inventory.conflict.showDiff')}
          </button>
          <button type="button" className="button button--small button--primary" onClick={() => onReloadTheirs(outdatedBy)}>
            {t('inventory.conflict.reload')}
          </button>
        </div>
      ) : null}
    </>
  );
}
