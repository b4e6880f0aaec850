import { Module } from '@nestjs/common';
import { LiveController } from './live.controller';

/** Live views: each period's changes streamed to the console as its projections commit them. */
@Module({ controllers: [LiveController] })
export class LiveModule {}
