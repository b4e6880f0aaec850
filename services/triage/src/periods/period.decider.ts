import {
  type EventOf,
  type PeriodConfiguration,
  type periodContracts,
  type PeriodDefinition,
  PERIOD_COMMANDS_ALLOWED,
  type PeriodStatus,
  periodStatusAfter,
  withPolicyDefaults,
} from '@hypercare/contracts';
import { Conflict, IllegalTransition, InvalidCommand } from '@hypercare/domain-kit';
import type { Decider } from '@hypercare/event-store';
import { definitionIssues } from '@hypercare/domain';

export const periodStream = (periodId: string): string => `period-${periodId}`;

/**
 * A period's definition as its lead gives it: the parts left out are the published defaults
 * (`withPolicyDefaults`), except a reconfiguration's planned end, which stays where it is.
 */
export type PeriodCommand =
  | { kind: 'plan'; periodId: string; programmeId: string; definition: PeriodDefinition }
  | { kind: 'reconfigure'; definition: PeriodDefinition }
  | { kind: 'activate'; at: string }
  | { kind: 'extend'; plannedEndAt: string; reason: string }
  | { kind: 'start-exit-review'; at: string }
  | {
      kind: 'close';
      at: string;
      summary?: string;
      openTickets: readonly string[];
      handOver: boolean;
      /** The exit criteria not met as last evaluated. */
      unmetCriteria: readonly string[];
      override?: { reason: string; by: string };
    };

export type PeriodEvent = EventOf<(typeof periodContracts)[number]>;

export type PeriodState =
  | { status: 'none' }
  | {
      status: PeriodStatus;
      periodId: string;
      programmeId: string;
      configuration: PeriodConfiguration;
      activatedAt?: string;
      closedAt?: string;
    };

/** Which commands each status accepts (published with the workflow); everything else is an illegal transition. */
const ALLOWED: Record<PeriodState['status'], readonly PeriodCommand['kind'][]> = PERIOD_COMMANDS_ALLOWED;

const validDefinition = (definition: PeriodDefinition): PeriodConfiguration => {
  const configuration = withPolicyDefaults(definition);
  const issues = definitionIssues(configuration);
  if (issues.length) throw new InvalidCommand(issues);
  return configuration;
};

/**
 * A hypercare period of a programme (fixed when planned): planned -> active -> exit review -> closed, extendable while open.
 * Its definition (roster, SLA policy, escalation and priority matrices, exit criteria) is
 * checked on every change.
 */
export const periodDecider: Decider<PeriodCommand, PeriodEvent, PeriodState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (!ALLOWED[state.status].includes(command.kind)) {
      throw new IllegalTransition('period', command.kind, state.status, ALLOWED[state.status]);
    }
    if (command.kind === 'plan') {
      return [
        {
          type: 'hypercare.period.planned.v2',
          data: {
            periodId: command.periodId,
            programmeId: command.programmeId,
            ...validDefinition(command.definition),
          },
        },
      ];
    }
    if (state.status === 'none') return [];
    const { periodId, configuration } = state;
    switch (command.kind) {
      case 'reconfigure': {
        const plannedEndAt = command.definition.plannedEndAt ?? configuration.plannedEndAt;
        return [
          {
            type: 'hypercare.period.reconfigured.v2',
            data: { periodId, ...validDefinition({ ...command.definition, plannedEndAt }) },
          },
        ];
      }
      case 'activate':
        return [{ type: 'hypercare.period.activated.v1', data: { periodId, activatedAt: command.at } }];
      case 'extend':
        if (new Date(command.plannedEndAt) <= new Date(configuration.plannedEndAt)) {
          throw new InvalidCommand([
            {
              field: 'plannedEndAt',
              message: `must be after the current planned end (${configuration.plannedEndAt})`,
            },
          ]);
        }
        return [
          {
            type: 'hypercare.period.extended.v1',
            data: {
              periodId,
              previousPlannedEndAt: configuration.plannedEndAt,
              plannedEndAt: new Date(command.plannedEndAt).toISOString(),
              reason: command.reason,
            },
          },
        ];
      case 'start-exit-review':
        return [
          { type: 'hypercare.period.exit-review-started.v1', data: { periodId, startedAt: command.at } },
        ];
      case 'close': {
        const open = command.openTickets;
        if (open.length && !command.handOver)
          throw new Conflict(
            `${open.length} ticket(s) of this period are still open (${open.slice(0, 10).join(', ')}${open.length > 10 ? ', …' : ''}): resolve them, or close with handOverOpenTickets: true to hand them over to business-as-usual support`,
          );
        const unmet = command.unmetCriteria;
        if (unmet.length && !command.override)
          throw new Conflict(
            `exit criteria not met (${unmet.join(', ')}): GET /periods/${periodId}/exit shows their figures; close once they are met, or give override.reason`,
          );
        return [
          {
            type: 'hypercare.period.closed.v1',
            data: {
              periodId,
              closedAt: command.at,
              ...(command.summary ? { summary: command.summary } : {}),
              ...(open.length ? { handedOver: [...open] } : {}),
              ...(unmet.length && command.override
                ? { exitOverride: { ...command.override, unmet: [...unmet] } }
                : {}),
            },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    if (event.type === 'hypercare.period.planned.v2') {
      const { periodId, programmeId, ...configuration } = event.data;
      return { status: 'planned', periodId, programmeId, configuration };
    }
    if (state.status === 'none') return state;
    const status = periodStatusAfter(event.type, state.status);
    switch (event.type) {
      case 'hypercare.period.reconfigured.v2': {
        const { periodId: _, ...configuration } = event.data;
        return { ...state, configuration };
      }
      case 'hypercare.period.activated.v1':
        return { ...state, status, activatedAt: event.data.activatedAt };
      case 'hypercare.period.extended.v1':
        return { ...state, configuration: { ...state.configuration, plannedEndAt: event.data.plannedEndAt } };
      case 'hypercare.period.exit-review-started.v1':
        return { ...state, status };
      case 'hypercare.period.closed.v1':
        return { ...state, status, closedAt: event.data.closedAt };
    }
  },
};
