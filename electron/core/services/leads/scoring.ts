// The lead score: a documented rule set, 0–100, with the reasons shown to sales staff.
//
//   rule            points  when
//   car             +20     the customer asked about a specific car
//   phone           +15     a phone number was given
//   testDrive       +20     the message mentions a test drive (koeajo, test drive)
//   financing       +15     financing is mentioned (rahoitus, osamaksu, leasing, loan)
//   tradeIn         +15     a trade-in is mentioned (vaihtoauto, vaihdossa, trade-in)
//   fresh           +10     the lead is less than 24 hours old (+5 if less than 7 days)
//   repeat          +10     the same email or phone contacted us before
//   detailed        +5      the message is longer than 120 characters
//   inPerson        +10     it came by phone or walk-in
//   spamLike        -40     several links, or a message with no letters
//
// HIGH priority from 60 points, MEDIUM from 30, LOW below.
import type { LeadPriority, LeadSource } from '../../api/enums';
import type { ScoreReason } from '../../api/dto-leads';

export interface ScoreInput {
  carId: string | null;
  phone: string | null;
  message: string;
  subject: string | null;
  source: LeadSource;
  createdAt: Date;
  /** Earlier leads with the same email or phone. */
  earlierContacts: number;
}

const TEST_DRIVE = /koeajo|koeaja|test[\s-]?drive/i;
const FINANCING = /rahoitu|osamaks|leasing|financ|\bloan\b|lainaa?\b/i;
const TRADE_IN = /vaihtoauto|vaihdossa|vaihtaa|vaihdon|trade[\s-]?in|part[\s-]?exchange/i;
const LINK = /https?:\/\/|www\./gi;

export function scoreLead(input: ScoreInput, now = new Date()): { score: number; priority: LeadPriority; reasons: ScoreReason[] } {
  const text = `${input.subject ?? ''} ${input.message}`;
  const reasons: ScoreReason[] = [];
  const add = (rule: string, points: number) => reasons.push({ rule, points });

  if (input.carId) add('car', 20);
  if (input.phone && input.phone.replace(/\D/g, '').length >= 6) add('phone', 15);
  if (TEST_DRIVE.test(text)) add('testDrive', 20);
  if (FINANCING.test(text)) add('financing', 15);
  if (TRADE_IN.test(text)) add('tradeIn', 15);
  const ageMs = now.getTime() - input.createdAt.getTime();
  if (ageMs < 24 * 3600_000) add('fresh', 10);
  else if (ageMs < 7 * 24 * 3600_000) add('fresh', 5);
  if (input.earlierContacts > 0) add('repeat', 10);
  if (input.message.trim().length > 120) add('detailed', 5);
  if (input.source === 'PHONE' || input.source === 'WALK_IN') add('inPerson', 10);
  if ((text.match(LINK)?.length ?? 0) >= 2 || !/\p{L}/u.test(input.message)) add('spamLike', -40);

  const score = Math.max(0, Math.min(100, reasons.reduce((sum, r) => sum + r.points, 0)));
  return { score, priority: priorityOf(score), reasons };
}

export function priorityOf(score: number): LeadPriority {
  return score >= 60 ? 'HIGH' : score >= 30 ? 'MEDIUM' : 'LOW';
}
