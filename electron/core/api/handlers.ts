// Channel → service. Kept flat so a new channel is one line here plus its service.
import type { AuthService } from '../services/auth';
import type { createCarsCsv } from '../services/cars/cars-csv';
import type { CarsService } from '../services/cars/cars-service';
import type { createMediaService } from '../services/media';
import type { LeadsService } from '../services/leads/leads-service';
import type { createNewsletterService } from '../services/leads/newsletter';
import type { BackupsService } from '../services/backups/backups-service';
import type { AnalyticsService } from '../services/analytics/analytics-service';
import type { SettingsServices } from '../services/settings';
import type { createAuditService } from '../services/audit';
import type { createStatusService } from '../services/status';
import type { createUsersService } from '../services/users';
import { requirePrincipal, type Handlers } from './router';

export interface Services {
  auth: AuthService;
  users: ReturnType<typeof createUsersService>;
  audit: ReturnType<typeof createAuditService>;
  status: ReturnType<typeof createStatusService>;
  cars: CarsService;
  carsCsv: ReturnType<typeof createCarsCsv>;
  media: ReturnType<typeof createMediaService>;
  leads: LeadsService;
  newsletter: ReturnType<typeof createNewsletterService>;
  backups: BackupsService;
  analytics: AnalyticsService;
  settings: SettingsServices;
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

    'cars.list': async (i) => s.cars.list(i),
    'cars.facets': async (i) => s.cars.facets(i),
    'cars.get': async (i) => s.cars.get(i.id),
    'cars.related': async (i) => s.cars.related(i.id),
    'cars.history': async (i) => s.cars.history(i.id),
    // Served by analytics: finished days from the roll-ups, today live (the seed's analytics:views:{carId}).
    'cars.views': async (i) => s.analytics.carViews(i.id),
    'cars.featured': async () => s.cars.featured(),
    'cars.brandModels': async (i) => s.cars.brandModels(i.brand),
    'cars.exportCsv': async (i) => s.carsCsv.exportCsv(i),
    'cars.slugPreview': async (i) => s.cars.slugPreview(i.name, i.excludeId),
    'cars.create': async (i, ctx) => s.cars.create(i, requirePrincipal(ctx)),
    'cars.update': async (i, ctx) => s.cars.update(i, requirePrincipal(ctx)),
    'cars.setStatus': async (i, ctx) => s.cars.setStatus(i, requirePrincipal(ctx)),
    'cars.delete': async (i, ctx) => s.cars.softDelete(i, requirePrincipal(ctx)),
    'cars.restore': async (i, ctx) => s.cars.restore(i, requirePrincipal(ctx)),
    'cars.purge': async (i, ctx) => s.cars.purge(i, requirePrincipal(ctx)),
    'cars.bulk': async (i, ctx) => s.cars.bulk(i, requirePrincipal(ctx)),
    'cars.importCsv': async (i, ctx) => s.carsCsv.importCsv(i, requirePrincipal(ctx)),
    'media.upload': async (i) => s.media.upload(i),

    'leads.list': async (i, ctx) => s.leads.list(i, requirePrincipal(ctx)),
    'leads.counts': async (i, ctx) => s.leads.counts(i, requirePrincipal(ctx)),
    'leads.get': async (i) => s.leads.get(i.id),
    'leads.assignees': async () => s.leads.assignees(),
    'leads.create': async (i, ctx) => s.leads.create(i, requirePrincipal(ctx)),
    'leads.setStatus': async (i, ctx) => s.leads.setStatus(i, requirePrincipal(ctx)),
    'leads.assign': async (i, ctx) => s.leads.assign(i, requirePrincipal(ctx)),
    'leads.addNote': async (i, ctx) => s.leads.addNote(i, requirePrincipal(ctx)),
    'leads.editNote': async (i, ctx) => s.leads.editNote(i, requirePrincipal(ctx)),
    'leads.addActivity': async (i, ctx) => s.leads.addActivity(i, requirePrincipal(ctx)),
    'leads.setFollowUp': async (i, ctx) => s.leads.setFollowUp(i, requirePrincipal(ctx)),
    'leads.merge': async (i, ctx) => s.leads.merge(i, requirePrincipal(ctx)),
    'leads.bulk': async (i, ctx) => s.leads.bulk(i, requirePrincipal(ctx)),
    'leads.exportCsv': async (i, ctx) => s.leads.exportCsv(i, requirePrincipal(ctx)),
    'leads.erase': async (i, ctx) => s.leads.erase(i, requirePrincipal(ctx)),
    'newsletter.list': async (i) => s.newsletter.list(i),
    'newsletter.unsubscribe': async (i, ctx) => s.newsletter.unsubscribe(i.id, requirePrincipal(ctx)),
    'newsletter.exportCsv': async (i, ctx) => s.newsletter.exportCsv(i, requirePrincipal(ctx)),

    'analytics.dashboard': async (i) => s.analytics.dashboard(i),
    'analytics.vitals': async (i) => s.analytics.vitals(i),

    'backups.list': async () => s.backups.list(),
    'backups.tools': async () => s.backups.toolsReport(),
    'backups.run': async (i, ctx) => {
      const { jobId, backupId } = await s.backups.run(i.kind, requirePrincipal(ctx));
      return { jobId, backupId };
    },
    'backups.cancel': async (i) => ({ cancelled: s.backups.cancel(i.jobId) }),
    'backups.verify': async (i) => s.backups.verify(i.id),
    'backups.restore': async (i, ctx) => ({ jobId: (await s.backups.restore(i, requirePrincipal(ctx))).jobId }),
    'backups.import': async (i, ctx) => s.backups.importFile(i.path, requirePrincipal(ctx)),
    'backups.delete': async (i, ctx) => s.backups.remove(i.id, requirePrincipal(ctx)),
    'backups.getSchedule': async () => s.backups.schedule(),
    'backups.setSchedule': async (i, ctx) => s.backups.setSchedule(i, requirePrincipal(ctx)),

    'settings.getConnection': async () => s.settings.connection.get(),
    'settings.testConnection': async (i) => s.settings.connection.test(i),
    'settings.saveConnection': async (i, ctx) => s.settings.connection.save(i, requirePrincipal(ctx)),
    'settings.copyToServer': async (i, ctx) => s.settings.copy.start(i, requirePrincipal(ctx)),
    'settings.systemConfig.list': async () => s.settings.systemConfig.list(),
    'settings.systemConfig.set': async (i, ctx) => s.settings.systemConfig.set(i, requirePrincipal(ctx)),
    'health.get': async () => s.settings.health.get(),
    'health.vacuum': async (i, ctx) => s.settings.maintenance.vacuum(i.table, requirePrincipal(ctx)),
  };
}
