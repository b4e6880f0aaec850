import { applyDecorators, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@hypercare/auth';
import { TICKET_COMMANDS_ALLOWED, type TicketStatus } from '@hypercare/contracts';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, JsonBody, RouteNames } from '@hypercare/service-kit';
import type { z } from 'zod';
import { ticketCommandBodies as bodies } from './ticket.dto';
import { ticketOutcome, ticketView } from './ticket.schemas';
import { type TicketRequest, TicketService } from './ticket.service';

type Body<R extends keyof typeof bodies> = z.infer<(typeof bodies)[R]>;

const TICKET = { kind: 'resource', resource: 'ticket', param: 'ticketId' } as const;

/** The decider's commands whose routes are named otherwise. */
const ROUTE_NAMES: Readonly<Record<string, string>> = {
  'provide-workaround': 'workaround',
  comment: 'comments',
};
/** What a ticket in `status` takes from a person, as the routes call it (the SLA timer's check is not one). */
const allowedRoutes = (status: TicketStatus): string[] =>
  TICKET_COMMANDS_ALLOWED[status].flatMap((command) =>
    command === 'check-sla' ? [] : [ROUTE_NAMES[command] ?? command],
  );

const Command = (route: keyof typeof bodies, summary: string) =>
  applyDecorators(
    Post(`:ticketId/${route}`),
    Access(route === 'comments' ? 'ticket.comment' : 'ticket.work', TICKET),
    HttpCode(200),
    ApiOperation({ summary }),
    ApiOutcomes({ status: 200, description: 'Done', schema: ticketOutcome }, 400, 404, 409),
  );

/** The ticket workflow over HTTP: each route is one command; illegal ones answer 409 naming the allowed routes. */
@ApiTags('tickets')
@Controller('tickets')
@RouteNames(ROUTE_NAMES)
export class TicketController {
  constructor(private readonly tickets: TicketService) {}

  @Get(':ticketId')
  @Access('ticket.read', TICKET)
  @ApiOperation({
    summary: "A ticket's current state (status, priority, deadlines, breaches, escalations) and version",
  })
  @ApiOutcomes({ status: 200, description: 'The ticket', schema: ticketView }, 404)
  async get(@Param('ticketId') ticketId: string): Promise<z.input<typeof ticketView>> {
    const { ticket, version } = await this.tickets.get(ticketId);
    return { ...ticket, version, allowed: allowedRoutes(ticket.status) };
  }

  @Command(
    'triage',
    'Categorises and prioritises (impact x urgency by the period matrix); re-triage keeps the history',
  )
  triage(
    @Param('ticketId') id: string,
    @JsonBody(bodies.triage) { category, impact, urgency }: Body<'triage'>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, actor, correlation, { kind: 'triage', category, impact, urgency });
  }

  @Command('assign', "Assigns the ticket to a role and a person on the period's roster")
  assign(
    @Param('ticketId') id: string,
    @JsonBody(bodies.assign) { role, email }: Body<'assign'>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, actor, correlation, { kind: 'assign', role, email });
  }

  @Command('acknowledge', 'Confirms someone is on it: stops the acknowledge clock')
  acknowledge(
    @Param('ticketId') id: string,
    @JsonBody(bodies.acknowledge) _: Body<'acknowledge'>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, actor, correlation, { kind: 'acknowledge' });
  }

  @Command('start', 'Work on the ticket starts')
  start(
    @Param('ticketId') id: string,
    @JsonBody(bodies.start) _: Body<'start'>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, actor, correlation, { kind: 'start' });
  }

  @Command('workaround', 'Records a workaround users can apply until the fix')
  workaround(
    @Param('ticketId') id: string,
    @JsonBody(bodies.workaround) { workaround }: Body<'workaround'>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, actor, correlation, { kind: 'provide-workaround', workaround });
  }

  @Command(
    'decide',
    'Records how the ticket is handled: hotfix, workaround, defer to backlog, training or documentation',
  )
  decide(
    @Param('ticketId') id: string,
    @JsonBody(bodies.decide) { decision, rationale }: Body<'decide'>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, actor, correlation, { kind: 'decide', decision, rationale });
  }

  @Command('comments', 'Adds a comment')
  comment(
    @Param('ticketId') id: string,
    @JsonBody(bodies.comments) { text }: Body<'comments'>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, actor, correlation, { kind: 'comment', text });
  }

  @Command('resolve', 'Resolves with the root cause and the fix reference: stops the resolve clock')
  resolve(
    @Param('ticketId') id: string,
    @JsonBody(bodies.resolve) { rootCause, fixReference }: Body<'resolve'>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, actor, correlation, {
      kind: 'resolve',
      rootCause,
      ...(fixReference ? { fixReference } : {}),
    });
  }

  @Command('close', 'Closes a resolved ticket')
  close(
    @Param('ticketId') id: string,
    @JsonBody(bodies.close) _: Body<'close'>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, actor, correlation, { kind: 'close' });
  }

  @Command('reopen', 'Reopens a resolved or closed ticket, with the reason')
  reopen(
    @Param('ticketId') id: string,
    @JsonBody(bodies.reopen) { reason }: Body<'reopen'>,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, actor, correlation, { kind: 'reopen', reason });
  }

  private run(
    ticketId: string,
    actor: Actor,
    correlationId: string | undefined,
    request: TicketRequest,
  ): Promise<z.input<typeof ticketOutcome>> {
    return this.tickets.act(ticketId, request, actor.name, commandMetadata(correlationId, { actor }));
  }
}
