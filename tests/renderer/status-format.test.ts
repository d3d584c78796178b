import { describe, expect, it } from 'vitest';
import type { StatusDto } from '../../renderer/src/api/contract';
import { cacheState, databaseLabel, formatHitRate, formatMs } from '../../renderer/src/lib/status-format';

const database: StatusDto['database'] = {
  kind: 'server',
  host: 'db.kroi.local',
  name: 'kroi',
  up: true,
  roundTripMs: 12.4,
  serverVersion: '16.4',
};

describe('status formatting', () => {
  it('names the server host, or just "embedded"', () => {
    expect(databaseLabel(database)).toEqual({ kind: 'server', host: 'db.kroi.local' });
    expect(databaseLabel({ ...database, kind: 'embedded', host: '127.0.0.1' })).toEqual({ kind: 'embedded' });
  });

  it('formats the round trip, with a dash when unknown', () => {
    expect(formatMs(12.4, 'en')).toBe('12 ms');
    expect(formatMs(1.26, 'en')).toBe('1.3 ms');
    expect(formatMs(1.26, 'fi')).toBe('1,3 ms');
    expect(formatMs(null, 'en')).toBe('—');
  });

  it('shows the hit rate as a percent, or a dash before the first lookup', () => {
    expect(formatHitRate(0.873, 'en')).toBe('87%');
    expect(formatHitRate(0.873, 'fi').replace(/\s/g, ' ')).toBe('87 %');
    expect(formatHitRate(null, 'en')).toBe('—');
  });

  it('tells an unconfigured cache from a dead one', () => {
    const cache = { configured: true, up: true, hits: 1, misses: 1, hitRate: 0.5 };
    expect(cacheState(cache)).toBe('up');
    expect(cacheState({ ...cache, up: false })).toBe('down');
    expect(cacheState({ ...cache, configured: false, up: false })).toBe('off');
  });
});
