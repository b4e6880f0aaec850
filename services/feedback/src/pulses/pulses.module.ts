import { Module } from '@nestjs/common';
import { PulseAudiences } from './pulse-audience';
import { PulseController } from './pulse.controller';
import { PulseLinkController } from './pulse-link.controller';
import { PulseLinks } from './pulse-links';
import { PulseResults } from './pulse-results';
import { PulseScheduler } from './pulse-scheduler';
import { Pulses } from './pulses';

/** Pulse surveys: scheduled per period, their rounds opened by the clock, answered by link, counted. */
@Module({
  controllers: [PulseController, PulseLinkController],
  providers: [Pulses, PulseAudiences, PulseLinks, PulseResults, PulseScheduler],
})
export class PulsesModule {}
