import { describe, expect, it } from 'vitest';
import { formatCountdown, waitUnit } from '../../renderer/src/lib/wait-format';

describe('wait formatting', () => {
  it('uses seconds for short waits and whole minutes for long ones', () => {
    expect(waitUnit(29.2)).toEqual({ unit: 'seconds', count: 30 });
    expect(waitUnit(90)).toEqual({ unit: 'seconds', count: 90 });
    expect(waitUnit(897)).toEqual({ unit: 'minutes', count: 15 });
  });

  it('counts down as seconds, then minutes:seconds', () => {
    expect(formatCountdown(42)).toBe('42 s');
    expect(formatCountdown(897)).toBe('14:57');
    expect(formatCountdown(-3)).toBe('0 s');
  });
});
