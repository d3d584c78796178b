// Settings rows. Inserted with ON CONFLICT DO NOTHING: a developer's own changes to a
// setting survive re-seeding (and --reset leaves system_config alone).
import type pg from 'pg';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export const SYSTEM_CONFIG: readonly { key: string; value: Json; description: string }[] = [
  { key: 'session.idleHours', value: 8, description: 'Hours of inactivity after which a session ends.' },
  { key: 'leads.roundRobin', value: false, description: 'Assign new leads in turn to active sales users.' },
  {
    key: 'backup.schedule',
    // database-architecture.md: a full backup daily at 02:00 UTC and every 6 hours, kept 30 days (UTC cron).
    value: { enabled: true, daily: '0 2 * * *', frequent: '0 */6 * * *', retentionDays: 30 },
    description: 'When backups run and how long they are kept.',
  },
  {
    key: 'dealership.info',
    value: {
      name: 'Kroi Auto Center',
      email: 'myynti@kroiautocenter.fi',
      phone: '+358 9 4242 4242',
      website: 'https://kroiautocenter.fi',
      address: { street: 'Autokatu 1', postalCode: '00880', city: 'Helsinki', country: 'FI' },
      openingHours: { mon: '09-18', tue: '09-18', wed: '09-18', thu: '09-18', fri: '09-18', sat: '10-15', sun: null },
      vatPercent: 25.5,
    },
    description: 'Dealership contact details shown on offers and printouts.',
  },
];

export async function insertSystemConfig(client: pg.ClientBase, updatedById: string | null, nowMs: number): Promise<number> {
  let inserted = 0;
  for (const row of SYSTEM_CONFIG) {
    const result = await client.query(
      `INSERT INTO system_config (key, value, description, updated_at, updated_by_id)
       VALUES ($1, $2::jsonb, $3, $4, $5) ON CONFLICT (key) DO NOTHING`,
      [row.key, JSON.stringify(row.value), row.description, new Date(nowMs).toISOString(), updatedById],
    );
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}
