// Leads (the website's contact submissions) as they cross the boundary.
import type { ContactActivityType, LeadPriority, LeadSource, LeadStatus, SubscriberStatus } from './enums';

export interface ScoreReason {
  rule: string;
  points: number;
}

export interface LeadRowDto {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  subject: string | null;
  status: LeadStatus;
  source: LeadSource;
  leadScore: number;
  priority: LeadPriority;
  carId: string | null;
  carName: string | null;
  assignedToId: string | null;
  assignedToName: string | null;
  nextContactAt: string | null;
  duplicateOfId: string | null;
  createdAt: string;
  version: number;
}

export interface LeadNoteDto {
  id: string;
  userId: string | null;
  userName: string | null;
  content: string;
  createdAt: string;
  updatedAt: string;
}

export interface LeadActivityDto {
  id: string;
  userId: string | null;
  userName: string | null;
  type: ContactActivityType;
  description: string;
  metadata: Record<string, unknown> | null;
  createdAt: string;
}

export interface LeadDto extends LeadRowDto {
  message: string;
  scoreReasons: ScoreReason[];
  ipAddress: string | null;
  userAgent: string | null;
  firstContactedAt: string | null;
  closedAt: string | null;
  lostReason: string | null;
  anonymizedAt: string | null;
  updatedAt: string;
  notes: LeadNoteDto[];
  activities: LeadActivityDto[];
  /** Open leads of the last 30 days with the same email or phone. */
  possibleDuplicates: LeadRowDto[];
}

export interface LeadPageDto {
  items: LeadRowDto[];
  nextCursor: string | null;
  /** Matches, counted up to 10,000 on the first page; -1 on later pages. */
  total: number;
  /** True when there are more matches than the total says ("10 000+"). */
  totalCapped: boolean;
}

export type LeadCountsDto = Record<LeadStatus, number>;

export interface AssigneeDto {
  id: string;
  name: string | null;
  email: string;
  role: 'ADMIN' | 'SUPER_ADMIN';
}

export interface SubscriberDto {
  id: string;
  email: string;
  name: string | null;
  status: SubscriberStatus;
  source: string | null;
  locale: string;
  subscribedAt: string | null;
  unsubscribedAt: string | null;
  createdAt: string;
}
