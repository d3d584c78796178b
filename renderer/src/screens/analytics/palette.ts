// Chart colours: distinguishable for common colour blindness and at least 3:1 against white.
export const COLORS = {
  pageViews: '#1f5fbf',
  carViews: '#1e7a3c',
  sessions: '#b35c00',
  bars: '#1f5fbf',
  barsAlt: '#6b4fbf',
  good: '#1e7a3c',
  needsImprovement: '#a66300',
  poor: '#b3261e',
  goodSoft: '#e7f5ec',
  needsImprovementSoft: '#fdf1dc',
  poorSoft: '#fcebea',
  grid: '#e3e7ec',
  axis: '#4f5b67',
} as const;

export const AXIS_TICK = { fontSize: 12, fill: COLORS.axis } as const;
