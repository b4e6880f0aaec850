import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@hypercare/auth';
import { ApiOutcomes, JsonBody } from '@hypercare/service-kit';
import { WhatIf } from './what-if.service';
import { whatIfBody, type WhatIfBody, whatIfView, type WhatIfView } from './what-if.schemas';

@ApiTags('history')
@Controller('periods/:periodId/what-if')
export class WhatIfController {
  constructor(private readonly whatIf: WhatIf) {}

  @Post()
  @HttpCode(200)
  @Access('history.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary:
      "The period's history replayed under another SLA policy, priority matrix, escalation matrix and/or exit criteria, beside what happened: breaches, escalations, priorities, SLA compliance, exit-ready date",
  })
  @ApiOutcomes(
    {
      status: 200,
      description: 'Both outcomes and their differences; nothing is written',
      schema: whatIfView,
    },
    400,
    404,
  )
  compare(@Param('periodId') periodId: string, @JsonBody(whatIfBody) body: WhatIfBody): Promise<WhatIfView> {
    return this.whatIf.compare(periodId, body);
  }
}
