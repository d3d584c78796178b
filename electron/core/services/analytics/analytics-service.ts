// The managers' dashboards: traffic from the daily roll-ups (plus raw rows where the
// roll-ups do not reach), leads and stock from their own tables, web vitals per day, and a
// car's own views for the car editor. Parts are computed side by side and cached apart; a
// part that is not cached is computed over one snapshot shared by the whole answer.
import type pg from 'pg';
import type { AnalyticsKpisDto, DashboardDto, KpiDto, VitalsDto } from '../../api/dto-analytics';
import type { CarViewsPointDto } from '../../api/dto-cars';
import type { AnalyticsDashboardInput, AnalyticsVitalsInput } from '../../api/schemas/analytics';
import type { Cache } from '../../cache/cache';
import type { JobDefinition } from '../../jobs/scheduler';
import type { Logger } from '../../logger';
import { leadFigures, stockAge, stockFigures, topCarsByLeads, type LeadFigures, type StockFigures } from './business-query';
import { analyticsKeys, BUSINESS_TTL, rollupTtl } from './cache-keys';
import { carViewsByDay } from './car-views-query';
import { planRange, type RollupState } from './range-plan';
import { createRollupJob } from './rollup-job';
import { readRollupState } from './rollup-state';
import { lazySnapshot, snapshotGate, type Snapshot } from './snapshot';
import { dailyTraffic, TOP_CARS, totalsOf, trafficFigures, type TrafficFigures, type TrafficTotals } from './traffic-query';
import { vitalsFigures } from './vitals-query';

/** The website's own hosts: navigation inside the site is not a referrer. */
export const DEFAULT_SITE_HOSTS = ['kroiautocenter.fi'] as const;

export interface AnalyticsDeps {
  pool: pg.Pool;
  cache: Cache;
  logger: Logger;
  siteHosts?: readonly string[];
  /** The clock (tests pin it). */
  now?: () => number;
}

interface BusinessPart {
  stockAt: string;
  leads: LeadFigures;
  stock: StockFigures;
}
interface BusinessFull extends BusinessPart {
  topCarsByLeads: DashboardDto['topCarsByLeads'];
  stockAge: DashboardDto['stockAge'];
}

const conversion = (carLeads: number, carViews: number): number | null => (carViews > 0 ? (100 * carLeads) / carViews : null);

export function createAnalyticsService(deps: AnalyticsDeps) {
  const { pool, cache, logger } = deps;
  const siteHosts = deps.siteHosts ?? DEFAULT_SITE_HOSTS;
  const now = deps.now ?? Date.now;
  const rollup = createRollupJob({ pool, logger });
  // Two at once leave the rest of the pool to their queries (and to the other screens).
  const openGated = snapshotGate(2);

  /**
   * Runs fn with the roll-up state (read cheaply, for the cache keys) and a snapshot opened
   * on the first cache miss. A loader plans again from the snapshot's own state: a job that
   * committed in between changes at most which key the answer is kept under.
   */
  async function answer<T>(fn: (state: RollupState, snapshot: () => Promise<Snapshot>) => Promise<T>): Promise<T> {
    const state = await readRollupState(pool);
    const lazy = lazySnapshot(() => openGated(pool));
    try {
      return await fn(state, lazy.get);
    } finally {
      await lazy.close();
    }
  }

  const traffic = (fromMs: number, toMs: number, state: RollupState, snapshot: () => Promise<Snapshot>): Promise<TrafficFigures> => {
    const plan = planRange(fromMs, toMs, state);
    return cache.getOrLoad(analyticsKeys.traffic(plan, state.version), rollupTtl(plan), async () => {
      const s = await snapshot();
      return trafficFigures(s.query, planRange(fromMs, toMs, s.state), siteHosts);
    });
  };

  const totals = (fromMs: number, toMs: number, state: RollupState, snapshot: () => Promise<Snapshot>): Promise<TrafficTotals> => {
    const plan = planRange(fromMs, toMs, state);
    return cache.getOrLoad(analyticsKeys.totals(plan, state.version), rollupTtl(plan), async () => {
      const s = await snapshot();
      return totalsOf(await dailyTraffic(s.query, planRange(fromMs, toMs, s.state)));
    });
  };

  /** Leads and stock of a period; stock is taken at its end, or now if that is earlier. */
  const business = (fromMs: number, toMs: number): Promise<BusinessPart> =>
    cache.getOrLoad(analyticsKeys.business(fromMs, toMs, 'kpis'), BUSINESS_TTL, async () => {
      const stockAtMs = Math.min(toMs, now());
      const [leads, stock] = await Promise.all([leadFigures(pool, fromMs, toMs), stockFigures(pool, fromMs, toMs, stockAtMs)]);
      return { stockAt: new Date(stockAtMs).toISOString(), leads, stock };
    });

  const businessFull = (fromMs: number, toMs: number): Promise<BusinessFull> =>
    cache.getOrLoad(analyticsKeys.business(fromMs, toMs, 'full'), BUSINESS_TTL, async () => {
      const stockAtMs = Math.min(toMs, now());
      const [leads, stock, topCars, age] = await Promise.all([
        leadFigures(pool, fromMs, toMs),
        stockFigures(pool, fromMs, toMs, stockAtMs),
        topCarsByLeads(pool, fromMs, toMs, TOP_CARS),
        stockAge(pool, stockAtMs),
      ]);
      return { stockAt: new Date(stockAtMs).toISOString(), leads, stock, topCarsByLeads: topCars, stockAge: age };
    });

  return {
    rollup,

    dashboard: (input: AnalyticsDashboardInput): Promise<DashboardDto> =>
      answer(async (state, snapshot) => {
        const fromMs = Date.parse(input.from);
        const toMs = Date.parse(input.to);
        const prevFrom = fromMs - (toMs - fromMs);

        const [t, b, pt, pb] = await Promise.all([
          traffic(fromMs, toMs, state, snapshot),
          businessFull(fromMs, toMs),
          input.compare ? totals(prevFrom, fromMs, state, snapshot) : null,
          input.compare ? business(prevFrom, fromMs) : null,
        ]);

        const kpi = (value: number | null, previous: number | null | undefined): KpiDto => ({ value, previous: input.compare ? (previous ?? null) : null });
        const kpis: AnalyticsKpisDto = {
          visits: kpi(t.totals.pageViews, pt?.pageViews),
          sessions: kpi(t.totals.sessions, pt?.sessions),
          carViews: kpi(t.totals.carViews, pt?.carViews),
          leads: kpi(b.leads.leads, pb?.leads.leads),
          conversionPct: kpi(conversion(b.leads.carLeads, t.totals.carViews), pt && pb ? conversion(pb.leads.carLeads, pt.carViews) : null),
          medianMinutesToFirstContact: kpi(b.leads.medianMinutesToFirstContact, pb?.leads.medianMinutesToFirstContact),
          carsInStock: kpi(b.stock.carsInStock, pb?.stock.carsInStock),
          avgDaysInStock: kpi(b.stock.avgDaysInStock, pb?.stock.avgDaysInStock),
          carsSold: kpi(b.stock.carsSold, pb?.stock.carsSold),
          soldValueEur: kpi(b.stock.soldValueEur, pb?.stock.soldValueEur),
        };

        return {
          range: { from: input.from, to: input.to },
          previous: input.compare ? { from: new Date(prevFrom).toISOString(), to: input.from } : null,
          stockAt: b.stockAt,
          previousStockAt: pb?.stockAt ?? null,
          rolledUpTo: state.watermark,
          kpis,
          viewsByDay: t.viewsByDay,
          topCarsByViews: t.topCarsByViews,
          topCarsByLeads: b.topCarsByLeads,
          leadsByStatus: b.leads.byStatus,
          leadsBySource: b.leads.bySource,
          spamLeads: b.leads.spam,
          pagesByPath: t.pagesByPath,
          referrers: t.referrers,
          stockAge: b.stockAge,
        };
      }),

    vitals: (input: AnalyticsVitalsInput): Promise<VitalsDto> =>
      answer(async (state, snapshot) => {
        const fromMs = Date.parse(input.from);
        const toMs = Date.parse(input.to);
        const plan = planRange(fromMs, toMs, state);
        const figures = await cache.getOrLoad(analyticsKeys.vitals(plan, input.path, state.version), rollupTtl(plan), async () => {
          const s = await snapshot();
          // Percentiles do not add up: for them today is read raw whole, never from its partial roll-up.
          return vitalsFigures(s.query, planRange(fromMs, toMs, s.state), planRange(fromMs, toMs, s.state, { partial: false }), input.path);
        });
        return { range: { from: input.from, to: input.to }, ...figures };
      }),

    /** A car's views per UTC day over the last 90 days, today included (today always live). */
    carViews: async (carId: string): Promise<CarViewsPointDto[]> => {
      const snapshot = await openGated(pool);
      try {
        return await carViewsByDay({ query: snapshot.query, cache }, carId, snapshot.state, now());
      } finally {
        await snapshot.close();
      }
    },

    jobs(): JobDefinition[] {
      return [rollup.job()];
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
