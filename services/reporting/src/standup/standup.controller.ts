import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access } from '@hypercare/auth';
import { ApiOutcomes, ValidQuery } from '@hypercare/service-kit';
import { z } from 'zod';
import { standupMarkdown } from './standup-markdown';
import { StandupReport } from './standup-report';

/** A YYYY-MM-DD that names a real day (not 2026-02-30). */
const isCalendarDay = (day: string): boolean => {
  const at = new Date(`${day}T00:00:00.000Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(at.getTime()) && at.toISOString().startsWith(day);
};

const standupQuery = z.object({
  day: z
    .string()
    .refine(isCalendarDay, 'must be a day of the calendar, YYYY-MM-DD')
    .optional()
    .describe('The UTC day reported on; yesterday when absent'),
  stuckHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(720)
    .default(24)
    .describe("An open ticket with nothing on its timeline for this long by the day's end is stuck"),
});

const line = z.object({
  ticketId: z.string(),
  title: z.string(),
  priority: z.string().nullable(),
  at: z.string(),
});
const standupView = z.object({
  periodId: z.string(),
  systemName: z.string(),
  day: z.string(),
  stuckHours: z.number().int(),
  reported: z.array(line),
  resolved: z.array(line),
  breached: z.array(line),
  escalated: z.array(line),
  stuck: z.array(line).describe('`at`: the last thing on its timeline'),
  topCategories: z.array(z.object({ category: z.string(), count: z.number().int() })),
  exitChanges: z.array(z.object({ change: z.string(), criterion: z.string().nullable(), at: z.string() })),
  exit: z.object({
    ready: z.boolean(),
    forecast: z.array(z.object({ criterion: z.string(), metOn: z.string().nullable() })),
  }),
});

@ApiTags('exit')
@Controller('periods/:periodId')
export class StandupController {
  constructor(private readonly standups: StandupReport) {}

  @Get('standup')
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary:
      'The daily stand-up of one day: new, resolved, breached, escalated, stuck, top categories, exit changes, forecast',
  })
  @ApiOutcomes({ status: 200, description: 'The stand-up', schema: standupView }, 400, 404)
  json(
    @Param('periodId') periodId: string,
    @ValidQuery(standupQuery) { day, stuckHours }: z.infer<typeof standupQuery>,
  ): Promise<z.input<typeof standupView>> {
    return this.standups.of(periodId, day, stuckHours);
  }

  @Get('standup.md')
  @Header('content-type', 'text/markdown; charset=utf-8')
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: 'The daily stand-up as a Markdown document' })
  @ApiProduces('text/markdown')
  @ApiOutcomes({ status: 200, description: 'The document', schema: z.string() }, 400, 404)
  async markdown(
    @Param('periodId') periodId: string,
    @ValidQuery(standupQuery) { day, stuckHours }: z.infer<typeof standupQuery>,
  ): Promise<string> {
    return standupMarkdown(await this.standups.of(periodId, day, stuckHours));
  }
}
