import { Injectable } from '@nestjs/common';
import { InvalidCommand } from '@hypercare/domain-kit';
import type { AsOf } from '@hypercare/event-store';
import { ReadModel } from '@hypercare/runtime';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { PAST_HEADERS, type PastQuery } from './past-query';

const refuse = (field: keyof PastQuery, message: string): never => {
  throw new InvalidCommand([{ field, message }]);
};

/**
 * Runs a view on the live read model, or, when its query names a past moment, on the read
 * model replayed up to that moment with the same projections (`ReadModel.history`): one view
 * code for now and for then. A period's view replays that period's part of the history, and
 * refuses a moment before the period existed.
 */
@Injectable()
export class PastViews {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModel: ReadModel,
  ) {}

  /**
   * `view` gets the data source to read and, for a past moment, its time. It must read through
   * that data source alone: while a replay runs it holds its connection, the only one on the
   * embedded database, so anything else it needs is read before (see `Moment`).
   */
  async read<T>(
    query: PastQuery,
    periodId: string | undefined,
    response: Response,
    view: (dataSource: DataSource, now?: Date) => Promise<T>,
  ): Promise<T> {
    const asOf = await this.cut(query, periodId);
    if (!asOf) return view(this.dataSource);
    return this.readModel.history.replay({ asOf, periodId }, async ({ dataSource, moment }) => {
      response.setHeader(PAST_HEADERS.position, String(moment.position));
      response.setHeader(PAST_HEADERS.time, moment.time.toISOString());
      return view(dataSource, moment.time);
    });
  }

  /** The cut the query names, checked against the history and the period; undefined for now. */
  private async cut(query: PastQuery, periodId: string | undefined): Promise<AsOf | undefined> {
    const { asOf, asOfPosition } = query;
    if (asOf !== undefined && asOfPosition !== undefined)
      refuse('asOfPosition', 'give asOf or asOfPosition, not both');
    if (asOf !== undefined) {
      const time = new Date(asOf);
      if (time.getTime() > Date.now()) refuse('asOf', `${asOf} is in the future`);
      const start = periodId && (await this.start(periodId));
      if (start && time < start.recordedAt)
        refuse(
          'asOf',
          `${asOf} is before period ${periodId} existed (its history starts at ${start.recordedAt.toISOString()})`,
        );
      return { time };
    }
    if (asOfPosition !== undefined) {
      const head = await this.readModel.history.head();
      if (asOfPosition > head)
        refuse('asOfPosition', `${asOfPosition} is beyond the end of the history (position ${head})`);
      const start = periodId && (await this.start(periodId));
      if (start && asOfPosition < start.position)
        refuse(
          'asOfPosition',
          `${asOfPosition} is before period ${periodId} existed (its first event is at position ${start.position})`,
        );
      return { position: asOfPosition };
    }
    return undefined;
  }

  /** The period's first event in the history, once reporting received it. */
  private async start(periodId: string) {
    const [first] = await this.readModel.receivedLog.readStream(`period-${periodId}`, { maxCount: 1 });
    return first;
  }
}
