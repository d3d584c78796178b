// Words a wait (RATE_LIMITED's retryAfterSeconds): seconds for short ones, minutes for long.
export type WaitUnit = { unit: 'seconds' | 'minutes'; count: number };

export function waitUnit(seconds: number): WaitUnit {
  const whole = Math.max(0, Math.ceil(seconds));
  return whole <= 90 ? { unit: 'seconds', count: whole } : { unit: 'minutes', count: Math.ceil(whole / 60) };
}

/** A ticking countdown: "42 s", or "14:57" from a minute up. */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  if (whole < 60) return `${whole} s`;
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
