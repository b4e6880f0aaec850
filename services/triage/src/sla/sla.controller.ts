import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@hypercare/auth';
import type { Clock } from '@hypercare/domain-kit';
import { CLOCK } from '@hypercare/runtime';
import { ApiOutcomes } from '@hypercare/service-kit';
import { z } from 'zod';
import { TicketClocks } from './ticket-clocks';

const backlog = z.object({
  now: z.string().datetime().describe("The service's time"),
  due: z.number().int().describe('Tickets with a breach or escalation due and not recorded yet'),
  nextDueAt: z
    .string()
    .datetime()
    .nullable()
    .describe(
      'The earliest time a breach or escalation falls due (it is recorded once that time has passed)',
    ),
});

@ApiTags('sla')
@Controller('sla')
export class SlaController {
  constructor(
    private readonly clocks: TicketClocks,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('backlog')
  @Access('platform.admin', { kind: 'platform' })
  @ApiOperation({
    summary: "The SLA timer's backlog: how many tickets have something due it has not recorded yet",
  })
  @ApiOutcomes({ status: 200, description: 'The backlog', schema: backlog })
  async backlog(): Promise<z.input<typeof backlog>> {
    const now = this.clock.now();
    const { due, nextDueAt } = await this.clocks.backlog(now);
    return { now: now.toISOString(), due, nextDueAt: nextDueAt?.toISOString() ?? null };
  }
}
