// `npm run bench -- [AREA…] [--quick]`: measures, prints a table and appends JSON lines to
// bench/results/AREA.jsonl. Areas: inventory, leads, analytics, backups, ipc (none = all).
import { benchBackups } from './backups';
import { benchInventory } from './inventory';
import { benchLeads } from './leads';
import { benchAnalytics } from './analytics';
import { printTable, writeResults, type BenchResult } from './stats';

const AREAS: Record<string, (quick: boolean) => Promise<BenchResult[]>> = {
  inventory: benchInventory,
  leads: benchLeads,
  analytics: benchAnalytics,
  backups: benchBackups,
};

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const wanted = args.filter((a) => !a.startsWith('--'));
const unknown = wanted.filter((a) => !(a in AREAS));
if (unknown.length) {
  console.error(`Unknown area(s): ${unknown.join(', ')}. Known: ${Object.keys(AREAS).join(', ')}.`);
  process.exit(2);
}

for (const area of wanted.length ? wanted : Object.keys(AREAS)) {
  const results = await AREAS[area]!(quick);
  printTable(area + (quick ? ' (quick)' : ''), results);
  console.log(`→ ${await writeResults(area, results.map((r) => ({ ...r, quick })))}`);
}
process.exit(0);
