/** The parts of reporting's and triage's answers the console shows (their OpenAPI document has them whole). */
export interface PeriodRow {
  periodId: string;
  programmeId: string;
  programme: string | null;
  systemName: string;
  status: 'planned' | 'active' | 'exit-review' | 'closed';
  goLiveAt: string;
  plannedEndAt: string;
  activatedAt: string | null;
  version: number;
}

export interface TicketRow {
  ticketId: string;
  periodId: string;
  title: string;
  reporterName: string;
  status: string;
  category: string | null;
  priority: string | null;
  assigneeName: string | null;
  assigneeEmail: string | null;
  reportedAt: string;
  acknowledgeDueAt: string | null;
  resolveDueAt: string | null;
  acknowledgeSla: string;
  resolveSla: string;
  escalationLevel: number;
  version: number;
  updatedAt: string;
}

export interface TicketPage {
  items: TicketRow[];
  nextCursor: string | null;
}

export interface TimelineLine {
  eventId: string;
  type: string;
  at: string;
  by: string;
  summary: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

export interface TicketDetail {
  ticket: TicketRow & Record<string, unknown>;
  report: { description?: string; stepsToReproduce?: string[]; affectedUsers?: number } | null;
  timeline: TimelineLine[];
}

export interface TicketState {
  status: string;
  version: number;
  allowed: string[];
}

export interface Dashboard {
  periodId: string;
  tickets: { total: number; open: number };
  byStatus: Record<string, number>;
  byPriority: Record<string, number>;
  byCategory: Record<string, number>;
  newPerDay: Array<{ day: string; count: number }>;
  mttaMinutes: number | null;
  mttrMinutes: number | null;
  sla: { met: number; breached: number; compliancePercent: number | null };
  openEscalations: { count: number };
  alerts: { raised: number; firingNow: number };
  satisfaction?: { answered: number; average: number | null };
}

export interface Programme {
  programmeId: string;
  name: string;
}

export interface ExitCriterion {
  name: string;
  definition: string;
  comparator: string;
  target: number;
  value: number | null;
  met: boolean;
  since: string | null;
  forecast: { metOn: string | null; band: { from: string | null; to: string | null } } | null;
}

export interface ExitReadiness {
  ready: boolean;
  readySince: string | null;
  evaluatedAt: string;
  transitions: number;
  criteria: ExitCriterion[];
}

export interface ProgrammeOverview {
  programmeId: string;
  name: string;
  periods: Array<{
    periodId: string;
    systemName: string;
    status: string;
    goLiveAt: string;
    daysToExit: number | null;
    newPerDay: Array<{ day: number; count: number }>;
    openByPriority: Record<string, number>;
    mttaMinutes: number | null;
    mttrMinutes: number | null;
    slaCompliancePercent: number | null;
    csat: { average: number | null; responses: number };
    exit: { ready: boolean; unmet: string[]; forecastReadyOn: string | null };
  }>;
}

export type Level = 'high' | 'medium' | 'low';
export type Priority = 'P1' | 'P2' | 'P3' | 'P4';

export interface RosterMember {
  role: string;
  name: string;
  email: string;
}

export interface ExitCriterionDefinition {
  name: string;
  metric: string;
  comparator: string;
  target: number;
  windowDays?: number;
  priorities?: Priority[];
  note?: string;
}

/** A period's whole definition, as triage keeps it and `PUT /triage/periods/{id}` replaces it. */
export interface PeriodConfiguration {
  systemName: string;
  goLiveAt: string;
  plannedEndAt: string;
  roster: RosterMember[];
  slaPolicy: Array<{ priority: Priority; acknowledgeWithinMinutes: number; resolveWithinMinutes: number }>;
  escalationMatrix: Array<{
    priority: Priority;
    levels: Array<{ afterMinutes: number; when: 'unacknowledged' | 'unresolved'; notifyRole: string }>;
  }>;
  priorityMatrix: Array<{ impact: Level; urgency: Level; priority: Priority }>;
  exitCriteria: ExitCriterionDefinition[];
  surveyValidDays?: number;
}
