import { Module } from '@nestjs/common';
import { GatewayBuckets } from './gateway-buckets';
import { GatewaySignalController } from './gateway-signal.controller';
import { GatewaySignals } from './gateway-signals';
import { SignalBuckets } from './signal-buckets';
import { SignalController } from './signal.controller';
import { Signals } from './signals';

/** Gateway records, sign-ins, job runs and transactions in, counted, judged by the period's rules. */
@Module({
  controllers: [GatewaySignalController, SignalController],
  providers: [GatewayBuckets, GatewaySignals, SignalBuckets, Signals],
})
export class SignalsModule {}
