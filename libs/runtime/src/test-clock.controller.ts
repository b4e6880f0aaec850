import { Controller, Get, HttpCode, Inject, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@hypercare/auth';
import type { ManualClock } from '@hypercare/domain-kit';
import { ApiOutcomes, JsonBody } from '@hypercare/service-kit';
import { z } from 'zod';
import { CLOCK } from './tokens';

const moveClock = z
  .object({
    now: z.string().datetime({ offset: true }).optional(),
    advanceMs: z.number().int().nonnegative().optional(),
  })
  .refine((move) => (move.now === undefined) !== (move.advanceMs === undefined), {
    message: 'give exactly one of `now` (an ISO date-time) and `advanceMs` (whole milliseconds >= 0)',
    path: ['now'],
  });

const clockTime = z.object({ now: z.string().datetime() });

/**
 * Moves the service's time, for tests and simulations. Mounted only when the service runs
 * with `HYPERCARE_CLOCK=manual`; a production service has no such route.
 */
@ApiTags('test clock')
@Controller('test-clock')
@Access('platform.admin', { kind: 'platform' })
export class TestClockController {
  constructor(@Inject(CLOCK) private readonly clock: ManualClock) {}

  @Get()
  @ApiOperation({ summary: 'The time the service believes it is' })
  @ApiOutcomes({ status: 200, description: 'The time', schema: clockTime })
  now(): { now: string } {
    return { now: this.clock.now().toISOString() };
  }

  @Put()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sets the time (`now`) or moves it forward (`advanceMs`)' })
  @ApiOutcomes({ status: 200, description: 'The new time', schema: clockTime }, 400)
  set(@JsonBody(moveClock) move: z.infer<typeof moveClock>): { now: string } {
    if (move.now !== undefined) this.clock.set(new Date(move.now));
    else this.clock.advance(move.advanceMs ?? 0);
    return this.now();
  }
}
