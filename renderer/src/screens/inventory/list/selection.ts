// Row selection rules, pure so they are easy to test: a click toggles one row, a shift-click
// sets every row between the last clicked one and this one to this one's new state.
export function toggleSelection(
  selected: ReadonlySet<string>,
  ids: readonly string[],
  index: number,
  anchor: number | null,
  range: boolean,
): Set<string> {
  const next = new Set(selected);
  const id = ids[index];
  if (id === undefined) return next;
  const select = !selected.has(id);
  if (!range || anchor === null || anchor < 0 || anchor >= ids.length) {
    if (select) next.add(id);
    else next.delete(id);
    return next;
  }
  const [from, to] = anchor <= index ? [anchor, index] : [index, anchor];
  for (let i = from; i <= to; i++) {
    const rowId = ids[i]!;
    if (select) next.add(rowId);
    else next.delete(rowId);
  }
  return next;
}

/** All loaded rows selected → none; otherwise → all loaded rows. */
export function toggleAll(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  const all = ids.length > 0 && ids.every((id) => selected.has(id));
  return all ? new Set() : new Set(ids);
}
