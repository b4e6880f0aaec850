import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { programmeContracts, type ProgrammeProfile } from '@hypercare/contracts';
import { NotFound } from '@hypercare/domain-kit';
import { commandHandler, fold, WrongExpectedVersion, type EventMetadata } from '@hypercare/event-store';
import { ServiceRuntime } from '@hypercare/runtime';
import {
  type ProgrammeCommand,
  programmeDecider,
  type ProgrammeState,
  programmeStream,
} from './programme.decider';

/** What every programme command answers: the programme and the version a reader can wait for. */
export interface ProgrammeOutcome {
  programmeId: string;
  version: number;
  position?: number;
}

export type Programme = Exclude<ProgrammeState, { status: 'none' }>;

/** Runs programme commands against the programme's stream and reads programmes back. */
@Injectable()
export class ProgrammeService {
  private readonly handle;

  constructor(private readonly runtime: ServiceRuntime) {
    this.handle = commandHandler(runtime.store, programmeDecider);
  }

  create(profile: ProgrammeProfile, metadata: EventMetadata): Promise<ProgrammeOutcome> {
    const programmeId = randomUUID();
    return this.run(programmeId, { kind: 'create', programmeId, profile }, metadata, 'new');
  }

  /** Makes the programme a period named as free text belongs to; false when it exists already. */
  async adoptLegacy(programmeId: string, name: string, metadata: EventMetadata): Promise<boolean> {
    try {
      await this.run(
        programmeId,
        { kind: 'create', programmeId, profile: { name }, legacy: true },
        metadata,
        'new',
      );
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedVersion) return false;
      throw error;
    }
  }

  rename(programmeId: string, profile: ProgrammeProfile, metadata: EventMetadata): Promise<ProgrammeOutcome> {
    return this.run(programmeId, { kind: 'rename', profile }, metadata);
  }

  /** The programme as of now, with its stream version; NotFound when there is no such programme. */
  async get(programmeId: string): Promise<{ programme: Programme; version: number }> {
    const recorded = await this.runtime.store.readStreamOf(programmeStream(programmeId), programmeContracts);
    const programme = fold(programmeDecider, recorded);
    if (programme.status === 'none') throw new NotFound('programme', programmeId);
    return { programme, version: recorded.length - 1 };
  }

  private async run(
    programmeId: string,
    command: ProgrammeCommand,
    metadata: EventMetadata,
    expect: 'new' | 'existing' = 'existing',
  ): Promise<ProgrammeOutcome> {
    const result = await this.handle(programmeStream(programmeId), command, { expect, metadata }).catch(
      (error: unknown) => {
        throw error instanceof WrongExpectedVersion && error.actualVersion === -1
          ? new NotFound('programme', programmeId)
          : error;
      },
    );
    return {
      programmeId,
      version: result.nextExpectedVersion,
      ...(result.position !== undefined ? { position: result.position } : {}),
    };
  }
}
