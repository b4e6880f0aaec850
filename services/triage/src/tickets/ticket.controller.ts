import { applyDecorators, Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { TICKET_STATUSES } from '@hypercare/contracts';
import { parseOrThrow } from '@hypercare/domain-kit';
import { commandMetadata, CORRELATION_HEADER } from '@hypercare/runtime';
import { ApiJsonBody, ApiOutcomes } from '@hypercare/service-kit';
import type { z } from 'zod';
import { ticketCommandBodies } from './ticket.dto';
import { type TicketOutcome, type TicketRequest, TicketService } from './ticket.service';

type Route = keyof typeof ticketCommandBodies;

const outcome = {
  type: 'object',
  properties: {
    ticketId: { type: 'string', format: 'uuid' },
    status: { type: 'string', enum: [...TICKET_STATUSES] },
    priority: { type: 'string', enum: ['P1', 'P2', 'P3', 'P4'] },
    version: {
      type: 'integer',
      description: "The ticket stream's version after the command; pass it as minVersion to read your write",
    },
    position: { type: 'integer', description: 'Global log position of the last new event' },
  },
};

const Command = (route: Route, summary: string) =>
  applyDecorators(
    Post(`:ticketId/${route}`),
    HttpCode(200),
    ApiOperation({ summary }),
    ApiJsonBody(ticketCommandBodies[route]),
    ApiOutcomes({ status: 200, description: 'Done', schema: outcome }, 400, 404, 409),
  );

/** The ticket workflow over HTTP: each route is one command; illegal ones answer 409 naming the allowed commands. */
@ApiTags('tickets')
@Controller('tickets')
export class TicketController {
  constructor(private readonly tickets: TicketService) {}

  @Get(':ticketId')
  @ApiOperation({
    summary: "A ticket's current state (status, priority, deadlines, breaches, escalations) and version",
  })
  @ApiOutcomes({ status: 200, description: 'The ticket' }, 404)
  async get(@Param('ticketId') ticketId: string) {
    const { ticket, version } = await this.tickets.get(ticketId);
    return { ...ticket, version };
  }

  @Command(
    'triage',
    'Categorises and prioritises (impact x urgency by the period matrix); re-triage keeps the history',
  )
  triage(
    @Param('ticketId') id: string,
    @Body() body: unknown,
    @Headers(CORRELATION_HEADER) correlation?: string,
  ) {
    return this.run(id, 'triage', body, correlation, ({ category, impact, urgency }) => ({
      kind: 'triage',
      category,
      impact,
      urgency,
    }));
  }

  @Command('assign', "Assigns the ticket to a role and a person on the period's roster")
  assign(
    @Param('ticketId') id: string,
    @Body() body: unknown,
    @Headers(CORRELATION_HEADER) correlation?: string,
  ) {
    return this.run(id, 'assign', body, correlation, ({ role, email }) => ({ kind: 'assign', role, email }));
  }

  @Command('acknowledge', 'Confirms someone is on it: stops the acknowledge clock')
  acknowledge(
    @Param('ticketId') id: string,
    @Body() body: unknown,
    @Headers(CORRELATION_HEADER) correlation?: string,
  ) {
    return this.run(id, 'acknowledge', body, correlation, () => ({ kind: 'acknowledge' }));
  }

  @Command('start', 'Work on the ticket starts')
  start(
    @Param('ticketId') id: string,
    @Body() body: unknown,
    @Headers(CORRELATION_HEADER) correlation?: string,
  ) {
    return this.run(id, 'start', body, correlation, () => ({ kind: 'start' }));
  }

  @Command('workaround', 'Records a workaround users can apply until the fix')
  workaround(
    @Param('ticketId') id: string,
    @Body() body: unknown,
    @Headers(CORRELATION_HEADER) correlation?: string,
  ) {
    return this.run(id, 'workaround', body, correlation, ({ workaround }) => ({
      kind: 'provide-workaround',
      workaround,
    }));
  }

  @Command(
    'decide',
    'Records how the ticket is handled: hotfix, workaround, defer to backlog, training or documentation',
  )
  decide(
    @Param('ticketId') id: string,
    @Body() body: unknown,
    @Headers(CORRELATION_HEADER) correlation?: string,
  ) {
    return this.run(id, 'decide', body, correlation, ({ decision, rationale }) => ({
      kind: 'decide',
      decision,
      rationale,
    }));
  }

  @Command('comments', 'Adds a comment')
  comment(
    @Param('ticketId') id: string,
    @Body() body: unknown,
    @Headers(CORRELATION_HEADER) correlation?: string,
  ) {
    return this.run(id, 'comments', body, correlation, ({ text }) => ({ kind: 'comment', text }));
  }

  @Command('resolve', 'Resolves with the root cause and the fix reference: stops the resolve clock')
  resolve(
    @Param('ticketId') id: string,
    @Body() body: unknown,
    @Headers(CORRELATION_HEADER) correlation?: string,
  ) {
    return this.run(id, 'resolve', body, correlation, ({ rootCause, fixReference }) => ({
      kind: 'resolve',
      rootCause,
      ...(fixReference ? { fixReference } : {}),
    }));
  }

  @Command('close', 'Closes a resolved ticket')
  close(
    @Param('ticketId') id: string,
    @Body() body: unknown,
    @Headers(CORRELATION_HEADER) correlation?: string,
  ) {
    return this.run(id, 'close', body, correlation, () => ({ kind: 'close' }));
  }

  @Command('reopen', 'Reopens a resolved or closed ticket, with the reason')
  reopen(
    @Param('ticketId') id: string,
    @Body() body: unknown,
    @Headers(CORRELATION_HEADER) correlation?: string,
  ) {
    return this.run(id, 'reopen', body, correlation, ({ reason }) => ({ kind: 'reopen', reason }));
  }

  private run<R extends Route>(
    ticketId: string,
    route: R,
    body: unknown,
    correlationId: string | undefined,
    toRequest: (parsed: z.infer<(typeof ticketCommandBodies)[R]>) => TicketRequest,
  ): Promise<TicketOutcome> {
    const parsed = parseOrThrow(ticketCommandBodies[route], body) as z.infer<(typeof ticketCommandBodies)[R]>;
    return this.tickets.act(
      ticketId,
      toRequest(parsed),
      parsed.by,
      commandMetadata(correlationId, { actor: parsed.by }),
    );
  }
}
