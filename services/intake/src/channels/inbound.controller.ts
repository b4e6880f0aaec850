import { Controller, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, actorOf, CurrentPrincipal, type Principal } from '@hypercare/auth';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, BODY_LIMITS, JsonBody, MailBody } from '@hypercare/service-kit';
import type { Response } from 'express';
import { z } from 'zod';
import { InboundMail } from './inbound-mail';
import { inboundMessage, InboundMessages } from './inbound-message';

const keptFiles = z.object({
  kept: z.array(
    z.object({
      attachmentId: z.string(),
      filename: z.string(),
      contentType: z.string(),
      bytes: z.number().int(),
    }),
  ),
  refused: z
    .array(z.object({ filename: z.string(), reason: z.string() }))
    .describe('Files not taken, and why'),
});

const inboundOutcome = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('report'),
    reportId: z.string(),
    replayed: z.boolean().describe('The relay sent this message before: the report it opened then'),
    attachments: keptFiles.describe("The mail's attachments, kept as the report's files or refused"),
  }),
  z.object({
    outcome: z.literal('comment'),
    reportId: z.string().describe('The report (and ticket) the reply was added to'),
    replayed: z.boolean(),
    attachments: keptFiles.describe("The reply's attachments, kept as the report's files or refused"),
  }),
  z.object({ outcome: z.literal('ignored'), reason: z.string().describe('Why nothing was opened or added') }),
]);

const messageOutcome = z.object({
  outcome: z.enum(['report', 'comment']),
  reportId: z.string(),
  replayed: z
    .boolean()
    .describe('This message id was received before: the first outcome, nothing new written'),
});

/** A new report is 201 with its Location; anything else (a comment, a resend, nothing done) 200. */
const answered = <O extends { outcome: string; reportId?: string; replayed?: boolean }>(
  response: Response,
  outcome: O,
): O => {
  const opened = outcome.outcome === 'report' && !outcome.replayed;
  response.status(opened ? 201 : 200);
  if (opened) response.setHeader('Location', `/reports/${outcome.reportId}`);
  return outcome;
};

@ApiTags('channels')
@Controller('periods/:periodId/inbound')
export class InboundController {
  constructor(
    private readonly inbound: InboundMail,
    private readonly messages: InboundMessages,
  ) {}

  @Post('mail')
  @Access('report.relay', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary:
      "A mail sent to the period's address, relayed raw: a reply to our notification comments on its ticket, another mail opens a report, auto-replies, bounces and our own mail are ignored",
  })
  @ApiOutcomes({ status: 201, description: 'A report was opened', schema: inboundOutcome }, 400, 404, 409)
  @ApiOutcomes({
    status: 200,
    description: 'A comment was added, the relay sent this message before, or it was ignored (and why)',
    schema: inboundOutcome,
  })
  async receive(
    @Param('periodId') periodId: string,
    @MailBody() raw: Buffer,
    @Res({ passthrough: true }) response: Response,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof inboundOutcome>> {
    const outcome = await this.inbound.receive(
      periodId,
      raw,
      commandMetadata(correlationId, { actor: actorOf(principal) }),
    );
    return answered(response, outcome);
  }

  @Post('messages')
  @Access('report.relay', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary:
      'A message from any tool (signed with a channel key): one naming a report of the period comments on it, any other opens a report',
  })
  @ApiOutcomes({ status: 201, description: 'A report was opened', schema: messageOutcome }, 400, 404, 409)
  @ApiOutcomes({
    status: 200,
    description: 'A comment was added, or the message was sent before',
    schema: messageOutcome,
  })
  async message(
    @Param('periodId') periodId: string,
    @JsonBody(inboundMessage, BODY_LIMITS.report) message: z.infer<typeof inboundMessage>,
    @Res({ passthrough: true }) response: Response,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof messageOutcome>> {
    const outcome = await this.messages.receive(
      periodId,
      message,
      commandMetadata(correlationId, { actor: actorOf(principal) }),
    );
    return answered(response, outcome);
  }
}
