import { describe, expect, it } from 'vitest';
import { visibleScreens } from '../../renderer/src/frame/screens';

describe('visibleScreens', () => {
  it('shows Backups and Settings to SUPER_ADMIN only', () => {
    expect(visibleScreens('SUPER_ADMIN').map((s) => s.id)).toEqual(['inventory', 'leads', 'analytics', 'backups', 'settings']);
    expect(visibleScreens('ADMIN').map((s) => s.id)).toEqual(['inventory', 'leads', 'analytics']);
    expect(visibleScreens('VIEWER').map((s) => s.id)).toEqual(['inventory', 'leads', 'analytics']);
  });
});
