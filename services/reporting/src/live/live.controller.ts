import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access } from '@hypercare/auth';
import { NotFound } from '@hypercare/domain-kit';
import { ReadModel, type ReadModelChange } from '@hypercare/runtime';
import { ApiOutcomes, ValidQuery } from '@hypercare/service-kit';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { PeriodView } from '../periods/period-view.entity';

/** A comment line now and then: proxies and browsers keep an idle stream open. */
const HEARTBEAT_MS = 15_000;
/** How long a browser waits before it reconnects a dropped stream. */
const RETRY_MS = 2_000;

const noQuery = z.object({});

/** One Server-Sent Events message: the position is its id, what a reconnect names in `Last-Event-ID`. */
const message = (change: Pick<ReadModelChange, 'projection' | 'position'>): string =>
  `id: ${change.position}\nevent: changed\ndata: ${JSON.stringify(change)}\n\n`;

/** Where a reconnecting reader left off, when it said so as a position. */
const positionOf = (lastEventId: string | undefined): number | undefined =>
  lastEventId !== undefined && /^\d{1,15}$/.test(lastEventId.trim()) ? Number(lastEventId) : undefined;

@ApiTags('live')
@Controller('periods')
export class LiveController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModel: ReadModel,
  ) {}

  @Get(':periodId/live')
  @Access('reporting.read', { kind: 'period', param: 'periodId' })
  @ApiOperation({
    summary: 'What changes in the period, as it happens (Server-Sent Events)',
    description:
      "A `changed` message each time a projection commits events of the period (or of no period): its id is the position in reporting's log, `data` names the projection. Read again what shows the period. A reader reconnecting with `Last-Event-ID` gets one `changed` at once when anything moved since. The stream stays open; a comment line comes every 15 s.",
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The id of the last message read' })
  @ApiProduces('text/event-stream')
  @ApiOutcomes({ status: 200, description: 'The stream', schema: z.string() }, 400, 404)
  async stream(
    @Param('periodId') periodId: string,
    @ValidQuery(noQuery) _query: z.infer<typeof noQuery>,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    if (!(await this.dataSource.getRepository(PeriodView).existsBy({ periodId })))
      throw new NotFound('period', periodId);
    response.status(200).set({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.flushHeaders();
    response.write(`retry: ${RETRY_MS}\n\n`);
    const stop = this.readModel.changes.listen((change) => {
      if (change.periodIds.length === 0 || change.periodIds.includes(periodId))
        response.write(message(change));
    });
    const heartbeat = setInterval(() => response.write(': still here\n\n'), HEARTBEAT_MS);
    response.on('close', () => {
      stop();
      clearInterval(heartbeat);
    });
    const since = positionOf(lastEventId);
    if (since === undefined) return;
    const position = await this.readModel.receivedPosition();
    if (position > since) response.write(message({ projection: '*', position }));
  }
}
