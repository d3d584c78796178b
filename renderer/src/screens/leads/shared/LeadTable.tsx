// Leads as a table: name (opens the lead), status, priority and score, car, source, assignee,
// next contact and when it came. Rows can be selected for bulk work when `selection` is given.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LeadRowDto } from '../../../api/contract';
import { DASH, formatDateTime, isDue } from '../format';
import { useNewLeads } from '../new-leads-store';
import { LeadStatusBadge } from './LeadStatusBadge';
import { PriorityBadge } from './PriorityBadge';

export interface TableSelection {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  toggleAll: () => void;
}

interface LeadTableProps {
  caption: string;
  rows: readonly LeadRowDto[];
  selection?: TableSelection | null;
}

export function LeadTable({ caption, rows, selection }: LeadTableProps) {
  const { t, i18n } = useTranslation();
  const unseen = useNewLeads((state) => state.unseen);
  const allSelected = selection ? rows.length > 0 && rows.every((r) => selection.selected.has(r.id)) : false;
  const lang = i18n.language;

  return (
    <div className="leads-table-wrap">
      <table className="leads-table" data-testid="lead-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {selection ? (
              <th scope="col" className="leads-table__check">
                <input type="checkbox" checked={allSelected} onChange={selection.toggleAll} aria-label={t('leads.table.selectAll')} />
              </th>
            ) : null}
            <th scope="col">{t('leads.table.name')}</th>
            <th scope="col">{t('leads.table.status')}</th>
            <th scope="col">{t('leads.table.score')}</th>
            <th scope="col">{t('leads.table.car')}</th>
            <th scope="col">{t('leads.table.source')}</th>
            <th scope="col">{t('leads.table.assignee')}</th>
            <th scope="col">{t('leads.table.nextContact')}</th>
            <th scope="col">{t('leads.table.received')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const isNew = unseen.has(row.id);
            const due = isDue(row.nextContactAt);
            return (
              <tr key={row.id} className={isNew ? 'leads-table__row--new' : undefined} data-testid="lead-row" data-id={row.id}>
                {selection ? (
                  <td className="leads-table__check">
                    <input type="checkbox" checked={selection.selected.has(row.id)} onChange={() => selection.toggle(row.id)} aria-label={t('leads.table.select', { name: row.name })} />
                  </td>
                ) : null}
                <th scope="row" className="leads-table__name">
                  <Link to={`/leads/${row.id}`}>{row.name}</Link>
                  {isNew ? <span className="leads-new-tag">{t('leads.table.new')}</span> : null}
                  {row.duplicateOfId ? <span className="leads-dup-tag">{t('leads.table.duplicate')}</span> : null}
                  <span className="leads-table__sub">{row.email}</span>
                </th>
                <td>
                  <LeadStatusBadge status={row.status} />
                </td>
                <td>
                  <PriorityBadge priority={row.priority} score={row.leadScore} />
                </td>
                <td>{row.carName ?? DASH}</td>
                <td>{t(`leads.source.${row.source}`)}</td>
                <td>{row.assignedToName ?? <span className="leads-muted">{t('leads.table.unassigned')}</span>}</td>
                <td className={due ? 'leads-due' : undefined}>
                  {formatDateTime(row.nextContactAt, lang)}
                  {due ? <span className="visually-hidden"> ({t('leads.followUp.dueShort')})</span> : null}
                </td>
                <td className="leads-table__nowrap">{formatDateTime(row.createdAt, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
