// The inventory area: the list at /inventory, the editor at /inventory/new and /inventory/:id.
import { Route, Routes } from 'react-router';
import { EditCarScreen, NewCarScreen } from './editor/CarEditorScreen';
import { InventoryListScreen } from './list/InventoryListScreen';

export function InventoryScreen() {
  return (
    <Routes>
      <Route index element={<InventoryListScreen />} />
      <Route path="new" element={<NewCarScreen />} />
      <Route path=":id" element={<EditCarScreen />} />
    </Routes>
  );
}
