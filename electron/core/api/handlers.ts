// Channel → service. Kept flat so a new channel is one line here plus its service.
import type { AuthService } from '../services/auth';
import type { createAuditService } from '../services/audit';
import type { createStatusService } from '../services/status';
import type { createUsersService } from '../services/users';
import { requirePrincipal, type Handlers } from './router';

export interface Services {
  auth: AuthService;
  users: ReturnType<typeof createUsersService>;
  audit: ReturnType<typeof createAuditService>;
  status: ReturnType<typeof createStatusService>;
}

export function createHandlers(s: Services): Handlers {
  return {
    'auth.setupState': async (_i, ctx) => s.auth.setupState(ctx),
    'auth.setup': async (i, ctx) => s.auth.setup(i, ctx),
    'auth.signIn': async (i, ctx) => s.auth.signIn(i, ctx),
    'auth.resume': async (_i, ctx) => s.auth.resume(ctx),
    'auth.signOut': async (_i, ctx) => s.auth.signOut(ctx),
    'auth.me': async (_i, ctx) => s.auth.me(ctx),
    'auth.changePassword': async (i, ctx) => s.auth.changePassword(i, ctx),

    'users.list': async () => s.users.list(),
    'users.create': async (i, ctx) => s.users.create(i, requirePrincipal(ctx)),
    'users.update': async (i, ctx) => s.users.update(i, requirePrincipal(ctx)),
    'users.resetPassword': async (i, ctx) => s.users.resetPassword(i, requirePrincipal(ctx)),

    'audit.list': async (i) => s.audit.list(i),
    'audit.get': async (i) => s.audit.get(i.id),
    'audit.exportCsv': async (i) => s.audit.exportCsv(i),

    'system.status': async () => s.status.status(),
  };
}
