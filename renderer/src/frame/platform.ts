// Which modifier the user expects to read (⌘ or Ctrl). Only for labels: both keys work everywhere.
export const isMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
