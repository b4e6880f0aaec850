import { applyDecorators, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, JsonBody, RouteNames } from '@hypercare/service-kit';
import type { z } from 'zod';
import { ticketCommandBodies as bodies } from './ticket.dto';
import { ticketOutcome, ticketView } from './ticket.schemas';
import { type TicketRequest, TicketService } from './ticket.service';

type Body<R extends keyof typeof bodies> = z.infer<(typeof bodies)[R]>;

const Command = (route: keyof typeof bodies, summary: string) =>
  applyDecorators(
    Post(`:ticketId/${route}`),
    HttpCode(200),
    ApiOperation({ summary }),
    ApiOutcomes({ status: 200, description: 'Done', schema: ticketOutcome }, 400, 404, 409),
  );

/** The ticket workflow over HTTP: each route is one command; illegal ones answer 409 naming the allowed routes. */
@ApiTags('tickets')
@Controller('tickets')
@RouteNames({ 'provide-workaround': 'workaround', comment: 'comments' })
export class TicketController {
  constructor(private readonly tickets: TicketService) {}

  @Get(':ticketId')
  @ApiOperation({
    summary: "A ticket's current state (status, priority, deadlines, breaches, escalations) and version",
  })
  @ApiOutcomes({ status: 200, description: 'The ticket', schema: ticketView }, 404)
  async get(@Param('ticketId') ticketId: string): Promise<z.input<typeof ticketView>> {
    const { ticket, version } = await this.tickets.get(ticketId);
    return { ...ticket, version };
  }

  @Command(
    'triage',
    'Categorises and prioritises (impact x urgency by the period matrix); re-triage keeps the history',
  )
  triage(
    @Param('ticketId') id: string,
    @JsonBody(bodies.triage) { by, category, impact, urgency }: Body<'triage'>,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, by, correlation, { kind: 'triage', category, impact, urgency });
  }

  @Command('assign', "Assigns the ticket to a role and a person on the period's roster")
  assign(
    @Param('ticketId') id: string,
    @JsonBody(bodies.assign) { by, role, email }: Body<'assign'>,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, by, correlation, { kind: 'assign', role, email });
  }

  @Command('acknowledge', 'Confirms someone is on it: stops the acknowledge clock')
  acknowledge(
    @Param('ticketId') id: string,
    @JsonBody(bodies.acknowledge) { by }: Body<'acknowledge'>,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, by, correlation, { kind: 'acknowledge' });
  }

  @Command('start', 'Work on the ticket starts')
  start(
    @Param('ticketId') id: string,
    @JsonBody(bodies.start) { by }: Body<'start'>,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, by, correlation, { kind: 'start' });
  }

  @Command('workaround', 'Records a workaround users can apply until the fix')
  workaround(
    @Param('ticketId') id: string,
    @JsonBody(bodies.workaround) { by, workaround }: Body<'workaround'>,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, by, correlation, { kind: 'provide-workaround', workaround });
  }

  @Command(
    'decide',
    'Records how the ticket is handled: hotfix, workaround, defer to backlog, training or documentation',
  )
  decide(
    @Param('ticketId') id: string,
    @JsonBody(bodies.decide) { by, decision, rationale }: Body<'decide'>,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, by, correlation, { kind: 'decide', decision, rationale });
  }

  @Command('comments', 'Adds a comment')
  comment(
    @Param('ticketId') id: string,
    @JsonBody(bodies.comments) { by, text }: Body<'comments'>,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, by, correlation, { kind: 'comment', text });
  }

  @Command('resolve', 'Resolves with the root cause and the fix reference: stops the resolve clock')
  resolve(
    @Param('ticketId') id: string,
    @JsonBody(bodies.resolve) { by, rootCause, fixReference }: Body<'resolve'>,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, by, correlation, {
      kind: 'resolve',
      rootCause,
      ...(fixReference ? { fixReference } : {}),
    });
  }

  @Command('close', 'Closes a resolved ticket')
  close(
    @Param('ticketId') id: string,
    @JsonBody(bodies.close) { by }: Body<'close'>,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, by, correlation, { kind: 'close' });
  }

  @Command('reopen', 'Reopens a resolved or closed ticket, with the reason')
  reopen(
    @Param('ticketId') id: string,
    @JsonBody(bodies.reopen) { by, reason }: Body<'reopen'>,
    @CorrelationId() correlation?: string,
  ) {
    return this.run(id, by, correlation, { kind: 'reopen', reason });
  }

  private run(
    ticketId: string,
    by: string,
    correlationId: string | undefined,
    request: TicketRequest,
  ): Promise<z.input<typeof ticketOutcome>> {
    return this.tickets.act(ticketId, request, by, commandMetadata(correlationId, { actor: by }));
  }
}
