import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access } from '@hypercare/auth';
import { Conflict } from '@hypercare/domain-kit';
import { ApiOutcomes } from '@hypercare/service-kit';
import { z } from 'zod';
import { ExitEvaluation } from '../exit/exit-evaluation';
import { handoffMarkdown } from './handoff-markdown';
import type { HandoffPackage } from './handoff-package';
import { Handoffs } from './handoffs';

const handoffView = z.object({
  periodId: z.string(),
  digest: z.string().describe('SHA-256 of the item events, RFC 8785 canonical JSON'),
  counts: z.record(z.number().int()).describe('Items of each kind'),
  events: z
    .array(
      z.object({
        id: z.string().optional().describe('The ce_id it is published under'),
        type: z.string(),
        data: z.record(z.unknown()),
      }),
    )
    .describe('As published on hypercare.handoff.v1: started, the items, completed'),
});
const handoffCheck = z.object({
  recorded: z.string().describe('The digest recorded at the close'),
  reassembled: z.string().describe('The digest of the package assembled again now'),
  same: z.boolean(),
});

@ApiTags('handoff')
@Controller('periods/:periodId')
export class HandoffController {
  constructor(
    private readonly handoffs: Handoffs,
    private readonly evaluation: ExitEvaluation,
  ) {}

  @Get('handoff')
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: "The closed period's handoff package, as recorded and published" })
  @ApiOutcomes({ status: 200, description: 'The package', schema: handoffView }, 404, 409)
  async json(@Param('periodId') periodId: string): Promise<z.input<typeof handoffView>> {
    return this.recordedOf(periodId);
  }

  @Get('handoff.md')
  @Header('content-type', 'text/markdown; charset=utf-8')
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({ summary: "The closed period's handoff package as a Markdown document" })
  @ApiProduces('text/markdown')
  @ApiOutcomes({ status: 200, description: 'The document', schema: z.string() }, 404, 409)
  async markdown(@Param('periodId') periodId: string): Promise<string> {
    return handoffMarkdown(await this.recordedOf(periodId));
  }

  @Get('handoff/check')
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary: 'Assembles the package again from the read models and compares its digest with the recorded one',
  })
  @ApiOutcomes({ status: 200, description: 'Both digests', schema: handoffCheck }, 404, 409)
  async check(@Param('periodId') periodId: string): Promise<z.input<typeof handoffCheck>> {
    const recorded = await this.recordedOf(periodId);
    const reassembled = await this.handoffs.assemble(await this.evaluation.period(periodId));
    return {
      recorded: recorded.digest,
      reassembled: reassembled.digest,
      same: recorded.digest === reassembled.digest,
    };
  }

  private async recordedOf(periodId: string): Promise<HandoffPackage> {
    const period = await this.evaluation.period(periodId);
    const recorded = await this.handoffs.recorded(periodId);
    if (!recorded)
      throw new Conflict(
        period.status === 'closed'
          ? `The handoff of period ${periodId} is being assembled: it is recorded seconds after the close (HANDOFF_SETTLE_MS)`
          : `Period ${periodId} is ${period.status}: a period hands over when it closes`,
      );
    return recorded;
  }
}
