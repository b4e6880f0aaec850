import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { commandMetadata, CorrelationId } from '@hypercare/runtime';
import { ApiOutcomes, JsonBody, Public } from '@hypercare/service-kit';
import type { z } from 'zod';
import { PulseLinks } from './pulse-links';
import { pulseAnswer, pulseAnswered, pulseLookup, pulsePage } from './pulse.schemas';

/** Whoever holds a pulse invitation's link, authorised by the link alone. */
const RESPONDENT = { subject: 'pulse-link', name: 'pulse respondent (by link)', kind: 'person' } as const;

/** Pulse invitations opened and answered without an account: the token travels in the body, never in a URL. */
@ApiTags('pulses')
@Controller('pulses')
export class PulseLinkController {
  constructor(private readonly links: PulseLinks) {}

  @Post('lookup')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'The pulse a link opens: its questions, whether this invitation can still answer',
  })
  @ApiOutcomes({ status: 200, description: 'The pulse', schema: pulsePage }, 400, 404)
  lookup(@JsonBody(pulseLookup) body: z.infer<typeof pulseLookup>): Promise<z.input<typeof pulsePage>> {
    return this.links.page(body.token);
  }

  @Post('answers')
  @Public()
  @ApiOperation({ summary: "Answers a pulse through its link's token: once, while its round is open" })
  @ApiOutcomes({ status: 201, description: 'Recorded', schema: pulseAnswered }, 400, 404, 409, 410)
  answer(
    @JsonBody(pulseAnswer) body: z.infer<typeof pulseAnswer>,
    @CorrelationId() correlationId?: string,
  ): Promise<z.input<typeof pulseAnswered>> {
    return this.links.answer(body.token, body.answers, commandMetadata(correlationId, { actor: RESPONDENT }));
  }
}
