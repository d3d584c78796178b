// One chart of the dashboard: its title, the picture (an image to assistive technology,
// named by a one-sentence summary), the numbers as a table beneath, an empty state, and
// CSV / PNG downloads of exactly those numbers and that picture.
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { useToasts } from '../../stores/toasts';
import { chartPng, downloadBlob, downloadCsv, exportName, type Cell } from './chart-export';
import { DataTable, type TableColumn } from './DataTable';
import type { Period } from './range';

export interface LegendItem {
  label: string;
  color: string;
}

interface ChartCardProps {
  /** Names the test id and the downloaded files. */
  id: string;
  title: string;
  description?: string;
  /** The chart in one sentence: its text alternative. */
  summary: string;
  columns: readonly TableColumn[];
  rows: readonly Record<string, Cell>[];
  empty: boolean;
  period: Period;
  legend?: readonly LegendItem[];
  /** Controls above the chart (metric or page pickers). */
  controls?: ReactNode;
  children: ReactNode;
  /** More below the table (lists of cars). */
  after?: ReactNode;
  wide?: boolean;
}

export function ChartCard(props: ChartCardProps) {
  const { t } = useTranslation();
  const plot = useRef<HTMLDivElement>(null);
  const showToast = useToasts((s) => s.show);
  const titleId = `chart-${props.id}-title`;

  const csv = () => downloadCsv(exportName(props.id, props.period, 'csv'), props.columns, props.rows);
  const png = async () => {
    const svg = plot.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (!svg) return;
    try {
      const subtitle = t('analytics.range.current', { from: props.period.from.slice(0, 10), to: new Date(Date.parse(props.period.to) - 1).toISOString().slice(0, 10) });
      downloadBlob(exportName(props.id, props.period, 'png'), await chartPng(svg, { title: props.title, subtitle, legend: props.legend ?? [] }));
    } catch {
      showToast('error', t('analytics.chart.pngFailed'));
    }
  };

  return (
    <section className={`chart-card panel${props.wide ? ' chart-card--wide' : ''}`} aria-labelledby={titleId} data-testid={`chart-${props.id}`}>
      <div className="chart-card__header">
        <div>
          <h2 className="chart-card__title" id={titleId}>
            {props.title}
          </h2>
          {props.description ? <p className="chart-card__description">{props.description}</p> : null}
        </div>
        <div className="chart-card__actions">
          <button type="button" className="button button--small button--ghost" onClick={csv} disabled={props.empty} aria-label={t('analytics.chart.csvFor', { title: props.title })}>
            {t('analytics.chart.csv')}
          </button>
          <button type="button" className="button button--small button--ghost" onClick={() => void png()} disabled={props.empty} aria-label={t('analytics.chart.pngFor', { title: props.title })}>
            {t('analytics.chart.png')}
          </button>
        </div>
      </div>
      {props.controls}
      {props.empty ? (
        <EmptyState headingLevel={3} title={t('analytics.chart.empty')} body={t('analytics.chart.emptyBody')} />
      ) : (
        <>
          {props.legend?.length ? (
            <ul className="chart-legend" aria-hidden="true">
              {props.legend.map((item) => (
                <li key={item.label}>
                  <span className="chart-legend__swatch" style={{ background: item.color }} />
                  {item.label}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="chart-card__plot" ref={plot} role="img" aria-label={props.summary}>
            {props.children}
          </div>
          <details className="chart-card__numbers">
            <summary>{t('analytics.chart.showTable')}</summary>
            <DataTable caption={props.title} columns={props.columns} rows={props.rows} />
          </details>
        </>
      )}
      {props.after}
    </section>
  );
}
