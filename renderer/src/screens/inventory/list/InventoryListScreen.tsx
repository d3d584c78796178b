// The inventory list: search, filters, sort, columns, trash, selection with bulk work,
// CSV import and export, over a virtualized table that loads page after page.
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { call, toApiError } from '../../../api/client';
import type { CarRowDto, CarSortKey } from '../../../api/contract';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { errorText } from '../../../lib/error-text';
import { saveFile } from '../../../lib/save-file';
import { toast } from '../../../stores/toasts';
import { useInventoryAccess } from '../access';
import { formatCount } from '../format';
import { BulkBar } from './BulkBar';
import { CarTable } from './CarTable';
import { ColumnPicker } from './ColumnPicker';
import { visibleColumns } from './columns';
import { FiltersPanel } from './FiltersPanel';
import { ImportCsvDialog } from './ImportCsvDialog';
import { activeFilterCount, effectiveSort, exportInput, filtersInput, type ListQuery } from './list-input';
import { useInventoryList } from './list-store';
import { SearchBox } from './SearchBox';
import { toggleAll, toggleSelection } from './selection';
import { SortControl } from './SortControl';
import { TrashBar } from './TrashBar';
import { useCarPages } from './useCarPages';
import { useColumns } from './useColumns';
import { useFacets } from './useFacets';
import { useListShortcuts } from './useListShortcuts';

export function InventoryListScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { canEdit, canPurge } = useInventoryAccess();
  const list = useInventoryList();
  const { columns: columnIds, toggle: toggleColumn, reset: resetColumns } = useColumns();
  const filtersId = useId();
  const searchInput = useRef<HTMLInputElement>(null);
  const [importOpen, setImportOpen] = useState(false);
  const [exporting, setExporting] = useState(false);

  const query: ListQuery = useMemo(
    () => ({ search: list.search, filters: list.filters, sort: list.sort, dir: list.dir, trash: list.trash }),
    [list.search, list.filters, list.sort, list.dir, list.trash],
  );
  const queryKey = JSON.stringify(query);
  const pages = useCarPages(query);
  const facetsQuery = useMemo(() => filtersInput(query), [query]);
  const { facets, failed: facetsFailed, reload: reloadFacets } = useFacets(facetsQuery);
  const columns = useMemo(() => visibleColumns(columnIds), [columnIds]);
  const filterCount = activeFilterCount(list.filters);
  const searching = list.search.trim() !== '';

  // A new query is a new list: what was selected in the old one is let go.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [selectionKey, setSelectionKey] = useState(queryKey);
  const anchor = useRef<number | null>(null);
  if (selectionKey !== queryKey) {
    setSelectionKey(queryKey);
    setSelected(new Set());
    anchor.current = null;
  }
  const selectable = canEdit;

  const { rows, reload } = pages;
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);

  const onToggle = useCallback(
    (index: number, range: boolean) => {
      setSelected((current) => toggleSelection(current, ids, index, anchor.current, range));
      anchor.current = index;
    },
    [ids],
  );

  const afterChange = useCallback(
    (keepSelection = false) => {
      if (!keepSelection) {
        setSelected(new Set());
        anchor.current = null;
      }
      reload();
      reloadFacets();
    },
    [reload, reloadFacets],
  );

  const openCar = useCallback((row: CarRowDto) => void navigate(`/inventory/${row.id}`), [navigate]);
  const newCar = useCallback(() => void navigate('/inventory/new'), [navigate]);

  useListShortcuts({ focusSearch: () => searchInput.current?.focus(), newCar: canEdit ? newCar : null });

  function onHeaderSort(sort: CarSortKey) {
    // The same column again turns the order round; a new one starts with its natural order.
    if (effectiveSort(query) === sort) list.setDir(list.dir === 'asc' ? 'desc' : 'asc');
    else list.setSort(sort, sort === 'price' || sort === 'mileage' ? 'asc' : 'desc');
  }

  async function exportCsv() {
    setExporting(true);
    try {
      const file = await call('cars.exportCsv', exportInput(query));
      saveFile(file);
      toast.success(t('inventory.export.done', { filename: file.filename }));
    } catch (error) {
      toast.error(errorText(t, toApiError(error)));
    } finally {
      setExporting(false);
    }
  }

  const title = list.trash ? t('inventory.trash.title') : t('screens.inventory.title');
  const counted = { count: pages.total, formatted: formatCount(pages.total) };
  const countText =
    pages.total < 0
      ? t('common.loading')
      : pages.totalCapped
        ? list.trash
          ? t('inventory.trash.countCapped', counted)
          : t('inventory.countCapped', counted)
        : list.trash
          ? t('inventory.trash.count', counted)
          : t('inventory.count', counted);

  return (
    <div className="inventory-list">
      <Page
        title={title}
        actions={
          <>
            {canEdit ? (
              <button type="button" className="button button--primary" onClick={newCar} aria-keyshortcuts="n" data-testid="new-car">
                {t('inventory.newCar')}
              </button>
            ) : null}
            {canEdit ? (
              <button type="button" className="button button--ghost-dark" onClick={() => setImportOpen(true)}>
                {t('inventory.import.open')}
              </button>
            ) : null}
            <button type="button" className="button button--ghost-dark" onClick={() => void exportCsv()} disabled={exporting || pages.total === 0}>
              {exporting ? t('inventory.export.running') : t('inventory.export.button')}
            </button>
          </>
        }
      >
        <div className="inv-toolbar">
          <SearchBox ref={searchInput} value={list.search} onSearch={list.setSearch} />
          <SortControl sort={effectiveSort(query)} dir={list.dir} searching={searching} onSort={(sort) => list.setSort(sort)} onDir={list.setDir} />
          <button
            type="button"
            className="button button--ghost button--small"
            aria-expanded={list.filtersOpen}
            aria-controls={filtersId}
            onClick={() => list.setFiltersOpen(!list.filtersOpen)}
          >
            {filterCount ? t('inventory.filters.toggleCount', { count: filterCount }) : t('inventory.filters.toggle')}
          </button>
          <ColumnPicker columns={columnIds} onToggle={toggleColumn} onReset={resetColumns} />
          <button type="button" className={`button button--small ${list.trash ? 'button--pressed' : 'button--ghost'}`} aria-pressed={list.trash} onClick={() => list.setTrash(!list.trash)} data-testid="trash-toggle">
            {t('inventory.trash.toggle')}
          </button>
          <p className="inv-count" role="status" data-testid="result-count">
            {countText}
          </p>
          {pages.head?.searchedFor && !pages.loading ? (
            <p className="inv-count" data-testid="searched-for">
              {t('inventory.searchedFor', { words: pages.head.searchedFor })}
            </p>
          ) : null}
        </div>
        {selectable && !list.trash && selected.size > 0 ? <BulkBar selected={selected} rows={rows} onClear={() => setSelected(new Set())} onDone={afterChange} /> : null}
        {selectable && list.trash ? <TrashBar selected={selected} canPurge={canPurge} onClear={() => setSelected(new Set())} onDone={() => afterChange(false)} /> : null}
        <div className={`inv-body${list.filtersOpen ? '' : ' inv-body--no-filters'}`}>
          {list.filtersOpen ? (
            <FiltersPanel
              id={filtersId}
              filters={list.filters}
              facets={facets}
              facetsFailed={facetsFailed}
              activeCount={filterCount}
              onToggle={list.toggleValue}
              onRange={list.setRange}
              onFeatured={list.setFeatured}
              onClear={list.clearFilters}
            />
          ) : null}
          <div className="inv-results" aria-busy={pages.loading}>
            {pages.error && (rows.length === 0 || !pages.loading) ? (
              <ErrorState message={errorText(t, pages.error)} onRetry={reload} />
            ) : rows.length === 0 && pages.loading ? (
              <Loading />
            ) : rows.length === 0 ? (
              <ListEmpty
                trash={list.trash}
                filtered={filterCount > 0}
                searching={searching}
                canEdit={canEdit}
                onClearFilters={list.clearFilters}
                onClearSearch={() => list.setSearch('')}
                onNew={newCar}
                onImport={() => setImportOpen(true)}
              />
            ) : (
              <CarTable
                label={title}
                rows={rows}
                total={pages.totalCapped ? -1 : pages.total}
                columns={columns}
                hasMore={pages.hasMore}
                loadingMore={pages.loadingMore}
                moreFailed={pages.moreError !== null}
                onLoadMore={pages.loadMore}
                selectable={selectable}
                selected={selected}
                onToggle={onToggle}
                onToggleAll={() => setSelected((current) => toggleAll(current, ids))}
                onOpen={openCar}
                sort={effectiveSort(query)}
                dir={list.dir}
                onSort={onHeaderSort}
              />
            )}
          </div>
        </div>
      </Page>
      {canEdit ? <ImportCsvDialog open={importOpen} onClose={() => setImportOpen(false)} onImported={() => afterChange(false)} /> : null}
    </div>
  );
}

interface ListEmptyProps {
  trash: boolean;
  filtered: boolean;
  searching: boolean;
  canEdit: boolean;
  onClearFilters: () => void;
  onClearSearch: () => void;
  onNew: () => void;
  onImport: () => void;
}

function ListEmpty({ trash, filtered, searching, canEdit, onClearFilters, onClearSearch, onNew, onImport }: ListEmptyProps) {
  const { t } = useTranslation();
  if (filtered || searching) {
    return (
      <EmptyState
        title={t('inventory.empty.noMatchTitle')}
        body={t('inventory.empty.noMatchBody')}
        action={
          <div className="button-row">
            {searching ? (
              <button type="button" className="button button--ghost-dark" onClick={onClearSearch}>
                {t('inventory.empty.clearSearch')}
              </button>
            ) : null}
            {filtered ? (
              <button type="button" className="button button--ghost-dark" onClick={onClearFilters}>
                {t('inventory.filters.clear')}
              </button>
            ) : null}
          </div>
        }
      />
    );
  }
  if (trash) return <EmptyState title={t('inventory.empty.trashTitle')} body={t('inventory.empty.trashBody')} />;
  return (
    <EmptyState
      title={t('inventory.empty.noCarsTitle')}
      body={t('inventory.empty.noCarsBody')}
      action={
        canEdit ? (
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={onNew}>
              {t('inventory.newCar')}
            </button>
            <button type="button" className="button button--ghost-dark" onClick={onImport}>
              {t('inventory.import.open')}
            </button>
          </div>
        ) : null
      }
    />
  );
}
