// The score rule ids of electron/core/services/leads/scoring.ts, for their translated labels.
// A rule the renderer does not know yet is shown by its id rather than hidden.
export const SCORE_RULES = ['car', 'phone', 'testDrive', 'financing', 'tradeIn', 'fresh', 'repeat', 'detailed', 'inPerson', 'spamLike'] as const;
export type ScoreRule = (typeof SCORE_RULES)[number];

export const isScoreRule = (rule: string): rule is ScoreRule => (SCORE_RULES as readonly string[]).includes(rule);

/** "+20" / "−40" with a real minus sign. */
export const formatPoints = (points: number): string => (points < 0 ? `−${Math.abs(points)}` : `+${points}`);
