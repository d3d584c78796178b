// The main frame's routes. Each area owns "/<area>/*" so it can add its own sub-routes.
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { roleAllows, type Role } from '../api/contract';
import { AccountScreen } from '../screens/account';
import { AnalyticsScreen } from '../screens/analytics';
import { BackupsScreen } from '../screens/backups';
import { InventoryScreen } from '../screens/inventory';
import { LeadsScreen } from '../screens/leads';
import { SettingsScreen } from '../screens/settings';
import { useCurrentUser } from '../stores/session';
import { Forbidden } from './Forbidden';
import { ACCOUNT_PATH, HOME_PATH } from './screens';

export function AppRoutes() {
  const user = useCurrentUser();
  const location = useLocation();
  // An account told to change its password sees nothing else until it has.
  if (user?.mustChangePassword && location.pathname !== ACCOUNT_PATH) return <Navigate to={ACCOUNT_PATH} replace />;
  return (
    <Routes>
      <Route index element={<Navigate to={HOME_PATH} replace />} />
      <Route path="inventory/*" element={<InventoryScreen />} />
      <Route path="leads/*" element={<LeadsScreen />} />
      <Route path="analytics/*" element={<AnalyticsScreen />} />
      <Route
        path="backups/*"
        element={
          <RequireRole role="SUPER_ADMIN">
            <BackupsScreen />
          </RequireRole>
        }
      />
      <Route
        path="settings/*"
        element={
          <RequireRole role="SUPER_ADMIN">
            <SettingsScreen />
          </RequireRole>
        }
      />
      <Route path="account" element={<AccountScreen />} />
      <Route path="*" element={<Navigate to={HOME_PATH} replace />} />
    </Routes>
  );
}

/** Hides a page from roles below `role`. A courtesy only: the main process checks every call. */
function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const user = useCurrentUser();
  return user && roleAllows(user.role, role) ? children : <Forbidden />;
}
