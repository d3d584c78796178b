// The managers' dashboards as they cross the boundary. Plain data: days are 'YYYY-MM-DD'
// UTC days, instants ISO strings, money euros. Metric definitions are in
// electron/core/services/analytics/README.md.
import type { LeadSource, LeadStatus } from './enums';

export const VITAL_NAMES = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] as const;
export type VitalName = (typeof VITAL_NAMES)[number];

/** web.dev: "good" up to the first number, "poor" above the second (ms; CLS unitless). */
export const VITAL_THRESHOLDS: Readonly<Record<VitalName, readonly [good: number, poor: number]>> = {
  LCP: [2500, 4000],
  INP: [200, 500],
  CLS: [0.1, 0.25],
  FCP: [1800, 3000],
  TTFB: [800, 1800],
};

export type VitalRating = 'good' | 'needs-improvement' | 'poor';

export function rateVital(name: VitalName, value: number): VitalRating {
  const [good, poor] = VITAL_THRESHOLDS[name];
  return value <= good ? 'good' : value <= poor ? 'needs-improvement' : 'poor';
}

/** Stock age buckets in whole days in stock. */
export const STOCK_AGE_BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const;
export type StockAgeBucket = (typeof STOCK_AGE_BUCKETS)[number];

/** The most cars listed per stock age bucket (the count is always complete). */
export const STOCK_AGE_CARS_MAX = 50;

export interface AnalyticsRangeDto {
  from: string;
  to: string;
}

/** A figure of the range and of the previous period of equal length (null: no comparison asked). */
export interface KpiDto {
  value: number | null;
  previous: number | null;
}

export interface AnalyticsKpisDto {
  /** Page views. */
  visits: KpiDto;
  /** Distinct (UTC day, session id) pairs among page views. */
  sessions: KpiDto;
  carViews: KpiDto;
  /** Leads created in the range, spam left out. */
  leads: KpiDto;
  /** Leads about a car per 100 car views; null without car views. */
  conversionPct: KpiDto;
  /** Median minutes from a lead's arrival to its first contact; null when none was contacted. */
  medianMinutesToFirstContact: KpiDto;
  /** Cars in stock at the end of the range (or now, if that is earlier). */
  carsInStock: KpiDto;
  /** Mean days in stock of those cars; null when there are none. */
  avgDaysInStock: KpiDto;
  carsSold: KpiDto;
  soldValueEur: KpiDto;
}

export interface DailyTrafficDto {
  day: string;
  pageViews: number;
  sessions: number;
  carViews: number;
}

export interface CarFigureDto {
  carId: string;
  /** Null when the car no longer exists (purged). */
  name: string | null;
  value: number;
}

export interface StockAgeDto {
  bucket: StockAgeBucket;
  count: number;
  /** Oldest first, at most STOCK_AGE_CARS_MAX. */
  cars: { id: string; name: string; days: number }[];
}

export interface DashboardDto {
  range: AnalyticsRangeDto;
  previous: AnalyticsRangeDto | null;
  /** The instant stock figures are taken at: the range's end, or now if that is earlier. */
  stockAt: string;
  previousStockAt: string | null;
  /** Roll-ups are complete for UTC days before this one (null: none yet); later rows are read raw. */
  rolledUpTo: string | null;
  kpis: AnalyticsKpisDto;
  /** Every UTC day the range touches, zeros included. */
  viewsByDay: DailyTrafficDto[];
  topCarsByViews: CarFigureDto[];
  topCarsByLeads: CarFigureDto[];
  /** Every status in pipeline order, zeros included (spam is its own figure, see leads). */
  leadsByStatus: { status: LeadStatus; count: number }[];
  leadsBySource: { source: LeadSource; count: number }[];
  spamLeads: number;
  pagesByPath: { path: string; views: number }[];
  /** External referrers by page views; host '' stands for no referrer (typed in, bookmarks). */
  referrers: { host: string; views: number }[];
  stockAge: StockAgeDto[];
}

export interface VitalDayDto {
  day: string;
  /** 75th percentile (continuous) of the day's values within the range; null without samples. */
  p75: number | null;
  n: number;
}

export interface VitalSummaryDto {
  name: VitalName;
  n: number;
  good: number;
  needsImprovement: number;
  poor: number;
}

export interface VitalsDto {
  range: AnalyticsRangeDto;
  /** The route asked for, or null for every page. */
  path: string | null;
  series: { name: VitalName; days: VitalDayDto[] }[];
  summary: VitalSummaryDto[];
  /** Routes with samples in the range, most samples first (car pages are one route, '/autot/*'). */
  routes: { path: string; n: number; poor: number }[];
}
