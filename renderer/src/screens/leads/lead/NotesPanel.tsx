// Notes on the lead: everyone's are listed; one's own can be edited; anyone who works leads
// can add one.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import type { LeadDto, LeadNoteDto } from '../../../api/contract';
import { useCurrentUser } from '../../../stores/session';
import { formatDateTime } from '../format';
import { TextArea } from './TextArea';
import type { LeadState } from './useLead';

const NOTE_MAX = 5000;

export function NotesPanel({ lead, state, canWork }: { lead: LeadDto; state: LeadState; canWork: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const user = useCurrentUser();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const writable = canWork && !lead.anonymizedAt;

  async function add() {
    const content = draft.trim();
    if (!content) {
      setError(t('leads.notes.required'));
      return;
    }
    const failed = await state.run(() => call('leads.addNote', { leadId: lead.id, content }), t('leads.notes.added'));
    if (!failed) setDraft('');
  }

  return (
    <section className="panel lead-panel" aria-labelledby={headingId} data-testid="notes-panel">
      <h2 className="panel__title" id={headingId}>
        {t('leads.notes.heading')}
      </h2>
      {lead.notes.length ? (
        <ul className="lead-notes">
          {lead.notes.map((note) => (
            <NoteItem key={note.id} note={note} own={writable && user !== null && note.userId === user.id} state={state} />
          ))}
        </ul>
      ) : (
        <p className="leads-muted">{t('leads.notes.none')}</p>
      )}
      {writable ? (
        <form
          className="lead-note-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <TextArea
            label={t('leads.notes.new')}
            value={draft}
            maxLength={NOTE_MAX}
            error={error}
            onValueChange={(value) => {
              setDraft(value);
              setError(null);
            }}
          />
          <div className="lead-buttons">
            <button type="submit" className="button button--primary button--small" disabled={state.busy}>
              {t('leads.notes.add')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function NoteItem({ note, own, state }: { note: LeadNoteDto; own: boolean; state: LeadState }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.content);
  const [error, setError] = useState<string | null>(null);
  const edited = note.updatedAt !== note.createdAt;

  async function save() {
    const content = text.trim();
    if (!content) {
      setError(t('leads.notes.required'));
      return;
    }
    const failed = await state.run(() => call('leads.editNote', { noteId: note.id, content }), t('leads.notes.saved'));
    if (!failed) setEditing(false);
  }

  return (
    <li className="lead-note" data-testid="lead-note">
      <p className="lead-note__meta">
        <strong>{note.userName ?? t('leads.timeline.someone')}</strong> · {formatDateTime(note.createdAt, i18n.language)}
        {edited ? <span className="leads-muted"> · {t('leads.notes.edited')}</span> : null}
      </p>
      {editing ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <TextArea label={t('leads.notes.editLabel')} value={text} maxLength={NOTE_MAX} error={error} onValueChange={(value) => {
            setText(value);
            setError(null);
          }} />
          <div className="lead-buttons">
            <button type="submit" className="button button--primary button--small" disabled={state.busy}>
              {t('leads.notes.save')}
            </button>
            <button type="button" className="button button--ghost button--small" onClick={() => {
              setEditing(false);
              setText(note.content);
            }}>
              {t('leads.common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="lead-note__text">{note.content}</p>
          {own ? (
            <button type="button" className="button button--ghost button--small" onClick={() => setEditing(true)} aria-label={t('leads.notes.editFor', { date: formatDateTime(note.createdAt, i18n.language) })}>
              {t('leads.notes.edit')}
            </button>
          ) : null}
        </>
      )}
    </li>
  );
}
