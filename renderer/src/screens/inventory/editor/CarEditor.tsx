// The car editor: every field of the contract's car with validation (the contract's zod
// schema, the server's VALIDATION fields on the same inputs), status moves, trash and
// restore, views, history and related cars. Saves carry the loaded version; a CONFLICT
// shows what differs and never overwrites the other PC's save.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../../api/client';
import { carCreateInput, carUpdateInput, type CarDto, type CarStatus } from '../../../api/contract';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { FormAlert } from '../../../components/FormAlert';
import { Page } from '../../../components/Page';
import { errorText } from '../../../lib/error-text';
import { zodFieldErrors, type FieldErrors } from '../../../lib/field-errors';
import { focusFirstInvalid } from '../../../lib/focus';
import { toast } from '../../../stores/toasts';
import { useInventoryAccess } from '../access';
import { carMessage } from '../car-messages';
import { BasicsSection } from './BasicsSection';
import { emptyForm, formFromCar, formSignature, formToFields, rebaseForm, type CarForm } from './car-form';
import { isCarDto } from './car-guard';
import { ConflictDialog } from './ConflictDialog';
import { DescriptionSection } from './DescriptionSection';
import { draftKey, useDrafts, type Draft } from './drafts';
import { EditorNotices } from './EditorNotices';
import { EditorTabs, panelId, tabId, type EditorTab } from './EditorTabs';
import type { SectionProps } from './editor-types';
import { FeaturesSection } from './FeaturesSection';
import { HistoryTab } from './HistoryTab';
import { ImagesSection } from './ImagesSection';
import { RelatedCars } from './RelatedCars';
import { SeoSection } from './SeoSection';
import { SpecificationsSection } from './SpecificationsSection';
import { StatsPanel } from './StatsPanel';
import { StatusPanel } from './StatusPanel';
import { TechnicalSection } from './TechnicalSection';
import { useLeaveGuard } from './useLeaveGuard';
import { useSaveShortcut } from './useSaveShortcut';

const LIST_PATH = '/inventory';
const EMPTY_SIGNATURE = formSignature(emptyForm());

type Busy = 'save' | 'status' | 'trash' | null;

export function CarEditor({ initial }: { initial: CarDto | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { canEdit } = useInventoryAccess();
  const baseId = useId();
  const formRef = useRef<HTMLFormElement>(null);

  const [car, setCar] = useState<CarDto | null>(initial);
  const [form, setForm] = useState<CarForm>(() => (initial ? formFromCar(initial) : emptyForm()));
  /** Set when a restored draft was made on an older version: its save must meet a CONFLICT. */
  const [draftVersion, setDraftVersion] = useState<number | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [conflict, setConflict] = useState<CarDto | null>(null);
  /** Theirs, once the user chose to keep editing after a conflict. */
  const [outdatedBy, setOutdatedBy] = useState<CarDto | null>(null);
  const [tab, setTab] = useState<EditorTab>('details');
  const [confirmTrash, setConfirmTrash] = useState(false);
  const key = draftKey(car?.id);
  const [offeredDraft, setOfferedDraft] = useState<Draft | null>(() => useDrafts.getState().drafts[key] ?? null);

  const baseline = useMemo(() => (car ? formSignature(formFromCar(car)) : EMPTY_SIGNATURE), [car]);
  const dirty = formSignature(form) !== baseline;
  const readOnly = !canEdit || Boolean(car?.deletedAt);
  const discarded = useRef(false);
  const guard = useLeaveGuard(dirty && !readOnly, () => {
    discarded.current = true;
    useDrafts.getState().drop(key);
  });

  // Leaving without the guard's question (Alt+1..5, the palette): keep the work as a draft.
  const latest = useRef({ form, dirty, readOnly, key, version: draftVersion ?? car?.version ?? null });
  useEffect(() => {
    latest.current = { form, dirty, readOnly, key, version: draftVersion ?? car?.version ?? null };
  });
  useEffect(
    () => () => {
      const now = latest.current;
      if (now.dirty && !now.readOnly && !discarded.current) useDrafts.getState().keep(now.key, { form: now.form, version: now.version, savedAt: Date.now() });
    },
    [],
  );

  const set = useCallback(<K extends keyof CarForm>(name: K, value: CarForm[K]) => setForm((current) => ({ ...current, [name]: value })), []);
  const update = useCallback((change: (current: CarForm) => CarForm) => setForm(change), []);
  const errorOf = useCallback((path: string) => carMessage(t, errors[path]), [errors, t]);
  const sectionProps: SectionProps = { form, set, update, errorOf, readOnly };

  /** The server's answer is the car now: untouched fields follow it, edited ones stay. */
  function adopt(next: CarDto, keepEdits = true) {
    setForm((current) => (keepEdits && car ? rebaseForm(current, car, next) : formFromCar(next)));
    setCar(next);
  }

  function fail(error: unknown) {
    const apiError = toApiError(error);
    if (apiError.code === 'CONFLICT' && isCarDto(apiError.details['current'])) {
      setConflict(apiError.details['current']);
      return;
    }
    const fields = apiError.fields;
    if (Object.keys(fields).length) {
      setErrors(fields);
      setTab('details');
      if (formRef.current) focusFirstInvalid(formRef.current);
      setFormError(t('errors.VALIDATION'));
      return;
    }
    setFormError(apiError.code === 'CONFLICT' ? (carMessage(t, apiError.message) ?? errorText(t, apiError)) : errorText(t, apiError));
  }

  async function save() {
    if (readOnly || busy) return;
    setFormError(null);
    const fields = formToFields(form);
    const parsed = car ? carUpdateInput.safeParse({ ...fields, id: car.id, version: draftVersion ?? car.version }) : carCreateInput.safeParse({ ...fields, status: form.initialStatus });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      setFormError(t('errors.VALIDATION'));
      setTab('details');
      if (formRef.current) focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setBusy('save');
    try {
      if (car && 'id' in parsed.data) {
        const saved = await call('cars.update', parsed.data);
        setForm(formFromCar(saved));
        setCar(saved);
        setDraftVersion(null);
        setOutdatedBy(null);
        useDrafts.getState().drop(key);
        toast.success(t('inventory.editor.saved'));
      } else if (!car && !('id' in parsed.data)) {
        const created = await call('cars.create', parsed.data);
        discarded.current = true;
        useDrafts.getState().drop(key);
        toast.success(t('inventory.editor.created'));
        void navigate(`${LIST_PATH}/${created.id}`, { replace: true, state: { car: created } });
      }
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  }

  async function moveStatus(status: CarStatus, sale?: { soldPriceEur: number; soldAt: string }): Promise<boolean> {
    if (!car) return false;
    setBusy('status');
    setFormError(null);
    try {
      const next = await call('cars.setStatus', { id: car.id, version: car.version, status, ...(sale ?? {}) });
      adopt(next);
      toast.success(t('inventory.statusPanel.moved', { status: t(`inventory.status.${next.status}`) }));
      return true;
    } catch (error) {
      fail(error);
      return toApiError(error).code === 'CONFLICT';
    } finally {
      setBusy(null);
    }
  }

  async function moveToTrash() {
    if (!car) return;
    setBusy('trash');
    try {
      const next = await call('cars.delete', { id: car.id, version: car.version });
      adopt(next, false);
      setErrors({});
      useDrafts.getState().drop(key);
      toast.success(t('inventory.editor.trashed'));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
      setConfirmTrash(false);
    }
  }

  async function restore() {
    if (!car) return;
    setBusy('trash');
    try {
      adopt(await call('cars.restore', { id: car.id }));
      toast.success(t('inventory.editor.restored'));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  }

  function reloadTheirs(theirs: CarDto) {
    setCar(theirs);
    setForm(formFromCar(theirs));
    setDraftVersion(null);
    setConflict(null);
    setOutdatedBy(null);
    setErrors({});
    setFormError(null);
    useDrafts.getState().drop(key);
  }

  function restoreDraft(draft: Draft) {
    setForm(draft.form);
    if (car && draft.version !== null && draft.version !== car.version) setDraftVersion(draft.version);
    setOfferedDraft(null);
    useDrafts.getState().drop(key);
  }

  function discardDraft() {
    setOfferedDraft(null);
    useDrafts.getState().drop(key);
  }

  useSaveShortcut(save);

  const title = car ? car.name : t('inventory.editor.newTitle');
  const showDraft = offeredDraft !== null && formSignature(offeredDraft.form) !== formSignature(form);

  return (
    <div className="editor" data-testid="car-editor">
      <Page
        title={title}
        actions={
          <>
            <button type="button" className="button button--ghost-dark" onClick={() => guard.go(LIST_PATH)}>
              {t('inventory.editor.back')}
            </button>
            {canEdit && car && !car.deletedAt ? (
              <button type="button" className="button button--danger-ghost" onClick={() => setConfirmTrash(true)} disabled={busy !== null}>
                {t('inventory.editor.moveToTrash')}
              </button>
            ) : null}
            {canEdit && car?.deletedAt ? (
              <button type="button" className="button button--primary" onClick={() => void restore()} disabled={busy !== null}>
                {t('inventory.trash.restore')}
              </button>
            ) : null}
          </>
        }
      >
        <EditorNotices
          car={car}
          canEdit={canEdit}
          draft={showDraft ? offeredDraft : null}
          outdatedBy={outdatedBy}
          onRestoreDraft={restoreDraft}
          onDiscardDraft={discardDraft}
          onShowDiff={setConflict}
          onReloadTheirs={reloadTheirs}
        />
        {car ? <EditorTabs base={baseId} tab={tab} onTab={setTab} /> : null}
        {tab === 'history' && car ? (
          <div role="tabpanel" id={panelId(baseId, 'history')} aria-labelledby={tabId(baseId, 'history')} tabIndex={0}>
            <HistoryTab carId={car.id} version={car.version} />
          </div>
        ) : (
          <div className="editor-layout" {...(car ? { role: 'tabpanel', id: panelId(baseId, 'details'), 'aria-labelledby': tabId(baseId, 'details') } : {})}>
            <form
              ref={formRef}
              className="editor-form"
              noValidate
              aria-label={title}
              onSubmit={(event) => {
                event.preventDefault();
                void save();
              }}
            >
              <fieldset className="editor-fieldset" disabled={readOnly}>
                <BasicsSection {...sectionProps} isNew={!car} />
                <ImagesSection {...sectionProps} />
                <FeaturesSection {...sectionProps} />
                <SpecificationsSection {...sectionProps} />
                <TechnicalSection {...sectionProps} />
                <DescriptionSection {...sectionProps} />
                <SeoSection {...sectionProps} carId={car?.id} savedSlug={car?.slug} />
              </fieldset>
              {canEdit && !readOnly ? (
                <div className="editor-savebar" data-testid="save-bar">
                  {/* Save first, on the left: the toasts appear at the bottom right. */}
                  <button type="submit" className="button button--primary" disabled={busy !== null} aria-keyshortcuts="Control+S">
                    {busy === 'save' ? t('inventory.editor.saving') : car ? t('inventory.editor.save') : t('inventory.editor.create')}
                  </button>
                  {dirty && car ? (
                    <button type="button" className="button button--ghost" onClick={() => setForm(formFromCar(car))} disabled={busy !== null}>
                      {t('inventory.editor.discard')}
                    </button>
                  ) : null}
                  <span className={`editor-savebar__state${dirty ? ' editor-savebar__state--dirty' : ''}`} role="status">
                    {dirty ? t('inventory.editor.unsaved') : car ? t('inventory.editor.allSaved') : ''}
                  </span>
                  <FormAlert message={formError} />
                </div>
              ) : formError ? (
                <FormAlert message={formError} />
              ) : null}
            </form>
            {car ? (
              <aside className="editor-aside" aria-label={t('inventory.editor.aside')}>
                <StatusPanel car={car} canEdit={canEdit} busy={busy !== null} onMove={moveStatus} />
                <StatsPanel car={car} />
                <RelatedCars carId={car.id} />
              </aside>
            ) : null}
          </div>
        )}
      </Page>
      {conflict ? (
        <ConflictDialog
          mine={form}
          theirs={conflict}
          base={car}
          onReload={() => reloadTheirs(conflict)}
          onKeepEditing={() => {
            setOutdatedBy(conflict);
            setConflict(null);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={confirmTrash}
        title={t('inventory.editor.trashTitle')}
        confirmLabel={t('inventory.editor.moveToTrash')}
        danger
        busy={busy === 'trash'}
        onConfirm={() => void moveToTrash()}
        onCancel={() => setConfirmTrash(false)}
      >
        <p>{dirty ? t('inventory.editor.trashBodyDirty') : t('inventory.editor.trashBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog open={guard.pending !== null} title={t('inventory.editor.leaveTitle')} confirmLabel={t('inventory.editor.leave')} danger onConfirm={guard.confirm} onCancel={guard.cancel}>
        <p>{t('inventory.editor.leaveBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
