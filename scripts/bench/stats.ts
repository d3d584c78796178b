// Timing and reporting of benchmarks in DESIGN.md's format: a table for people and one
// JSON object per line in bench/results/AREA.jsonl.
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

export interface BenchResult {
  bench: string;
  n: number;
  p50_ms: number;
  p95_ms: number;
  baseline?: string;
  baseline_p95_ms?: number;
  ratio?: number;
  rows?: number;
  [extra: string]: unknown;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

const round = (x: number) => Math.round(x * 100) / 100;

export function summarize(samples: number[]): { n: number; p50_ms: number; p95_ms: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50_ms: round(percentile(sorted, 50)), p95_ms: round(percentile(sorted, 95)) };
}

/** Runs `fn(i)` n times after `warmup` unmeasured runs; returns milliseconds per run. */
export async function measure(n: number, fn: (i: number) => Promise<unknown>, opts: { warmup?: number; before?: (i: number) => Promise<unknown> } = {}): Promise<number[]> {
  for (let i = 0; i < (opts.warmup ?? Math.min(20, Math.ceil(n / 10))); i++) {
    await opts.before?.(i);
    await fn(i);
  }
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    await opts.before?.(i);
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

/**
 * Runs `tested(i)` and `bare(i)` back to back n times, in turns which goes first, so a busy
 * moment of the machine or a cold cache falls on both and the ratio compares like with like.
 */
export async function measurePaired(
  n: number,
  tested: (i: number) => Promise<unknown>,
  bare: (i: number) => Promise<unknown>,
  opts: { warmup?: number; before?: (i: number) => Promise<unknown> } = {},
): Promise<{ tested: number[]; bare: number[] }> {
  const timed = async (fn: (i: number) => Promise<unknown>, i: number) => {
    await opts.before?.(i);
    const started = performance.now();
    await fn(i);
    return performance.now() - started;
  };
  for (let i = 0; i < (opts.warmup ?? Math.min(24, Math.ceil(n / 10))); i++) {
    await timed(tested, i);
    await timed(bare, i);
  }
  const out = { tested: [] as number[], bare: [] as number[] };
  for (let i = 0; i < n; i++) {
    if (i % 2) {
      out.bare.push(await timed(bare, i));
      out.tested.push(await timed(tested, i));
    } else {
      out.tested.push(await timed(tested, i));
      out.bare.push(await timed(bare, i));
    }
  }
  return out;
}

export function withBaseline(result: BenchResult, baselineName: string, baselineSamples: number[]): BenchResult {
  const base = summarize(baselineSamples);
  return { ...result, baseline: baselineName, baseline_p95_ms: base.p95_ms, ratio: round(result.p95_ms / base.p95_ms) };
}

export function printTable(area: string, results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.bench,
    String(r.n),
    r.p50_ms.toFixed(2),
    r.p95_ms.toFixed(2),
    r.baseline ?? '',
    r.baseline_p95_ms !== undefined ? r.baseline_p95_ms.toFixed(2) : '',
    r.ratio !== undefined ? r.ratio.toFixed(2) : '',
    r.rows !== undefined ? String(r.rows) : '',
  ]);
  const header = ['bench', 'n', 'p50 ms', 'p95 ms', 'baseline', 'base p95', 'ratio', 'rows'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${area}`);
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  for (const r of results) {
    const extra = Object.entries(r).filter(([k]) => !['bench', 'n', 'p50_ms', 'p95_ms', 'baseline', 'baseline_p95_ms', 'ratio', 'rows'].includes(k));
    if (extra.length) console.log(`  ${r.bench}: ${extra.map(([k, v]) => `${k}=${typeof v === 'number' ? round(v) : String(v)}`).join(' ')}`);
  }
}

export async function writeResults(area: string, results: BenchResult[]): Promise<string> {
  const dir = path.resolve('bench/results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${area}.jsonl`);
  await appendFile(file, results.map((r) => JSON.stringify({ ...r, at: new Date().toISOString() })).join('\n') + '\n');
  return file;
}
