import { Body, Controller, Get, HttpCode, Inject, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InvalidCommand, type ManualClock } from '@hypercare/domain-kit';
import { CLOCK } from './tokens';

/**
 * Moves the service's time, for tests and simulations. Mounted only when the service runs
 * with `HYPERCARE_CLOCK=manual`; a production service has no such route.
 */
@ApiTags('test clock')
@Controller('test-clock')
export class TestClockController {
  constructor(@Inject(CLOCK) private readonly clock: ManualClock) {}

  @Get()
  @ApiOperation({ summary: 'The time the service believes it is' })
  now(): { now: string } {
    return { now: this.clock.now().toISOString() };
  }

  @Put()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sets the time (`now`) or moves it forward (`advanceMs`)' })
  @ApiBody({
    schema: {
      type: 'object',
      properties: { now: { type: 'string', format: 'date-time' }, advanceMs: { type: 'integer', minimum: 0 } },
    },
  })
  set(@Body() body: { now?: unknown; advanceMs?: unknown }): { now: string } {
    if (typeof body?.now === 'string' && !Number.isNaN(Date.parse(body.now))) this.clock.set(new Date(body.now));
    else if (typeof body?.advanceMs === 'number' && Number.isInteger(body.advanceMs) && body.advanceMs >= 0)
      this.clock.advance(body.advanceMs);
    else throw new InvalidCommand([{ field: 'now', message: 'give an ISO date-time in `now` or a whole number of ms >= 0 in `advanceMs`' }]);
    return this.now();
  }
}
