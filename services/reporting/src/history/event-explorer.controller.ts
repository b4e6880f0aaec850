import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@hypercare/auth';
import { InvalidCommand, NotFound } from '@hypercare/domain-kit';
import type { RecordedEvent } from '@hypercare/event-store';
import { ReadModel } from '@hypercare/runtime';
import { ApiOutcomes, ValidQuery } from '@hypercare/service-kit';
import {
  eventChain,
  type EventChain,
  eventPage,
  eventQuery,
  type EventQuery,
  presented,
} from './history.schemas';
import { VisibleHistory } from './visible-history';

/** How far a chain is followed, and how much of a correlation is shown. */
const CHAIN_LIMIT = 50;
const CORRELATED_LIMIT = 200;

@ApiTags('history')
@Controller('events')
export class EventExplorerController {
  constructor(
    private readonly readModel: ReadModel,
    private readonly visible: VisibleHistory,
  ) {}

  @Get()
  @Access('history.read', { kind: 'listed' })
  @ApiOperation({
    summary:
      "Reporting's history as it received it: by period, stream, type (or its start), actor and time, in log order; with actor and period, one person's audit",
  })
  @ApiOutcomes({ status: 200, description: 'One page of events', schema: eventPage }, 400)
  async list(@ValidQuery(eventQuery) query: EventQuery, @CurrentPrincipal() principal: Principal) {
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from && to && from > to)
      throw new InvalidCommand([{ field: 'to', message: `${query.to} is before from (${query.from})` }]);
    const visible = await this.visible.periodsOf(principal);
    const periods = query.period
      ? !visible || visible.includes(query.period)
        ? [query.period]
        : []
      : visible;
    const events = await this.readModel.history.search.find({
      periods,
      stream: query.stream,
      type: query.type,
      actor: query.actor,
      from,
      to,
      after: query.cursor === undefined ? undefined : Number(query.cursor),
      limit: query.limit,
    });
    const last = events[events.length - 1];
    return {
      items: events.map(presented),
      nextCursor: last && events.length === query.limit ? String(last.position) : null,
    };
  }

  @Get(':eventId')
  @Access('history.read', {
    kind: 'answer',
    resource: 'event',
    param: 'eventId',
    place: ({ event }: EventChain) => ({ periodId: event.periodId ?? undefined }),
  })
  @ApiOperation({
    summary:
      'One event with what caused it (up the causation ids), what it caused, and its whole correlation',
  })
  @ApiOutcomes({ status: 200, description: 'The event and its chain', schema: eventChain }, 404)
  async chain(
    @Param('eventId') eventId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EventChain> {
    const { search } = this.readModel.history;
    const event = await search.get(eventId);
    if (!event) throw new NotFound('event', eventId);
    const visible = await this.visible.periodsOf(principal);
    const shown = (events: RecordedEvent[]) =>
      events
        .filter(
          ({ metadata }) =>
            !visible || (metadata.periodId !== undefined && visible.includes(metadata.periodId)),
        )
        .map(presented);
    const causes: RecordedEvent[] = [];
    let origin = event.metadata.causationId ?? null;
    while (origin && causes.length < CHAIN_LIMIT) {
      const cause = await search.get(origin);
      if (!cause) break;
      causes.push(cause);
      origin = cause.metadata.causationId ?? null;
    }
    const correlationId = event.metadata.correlationId;
    return {
      event: presented(event),
      causes: shown(causes),
      origin,
      effects: shown(await search.causedBy(event.id, CHAIN_LIMIT)),
      correlated: correlationId ? shown(await search.correlated(correlationId, CORRELATED_LIMIT)) : [],
    };
  }
}
