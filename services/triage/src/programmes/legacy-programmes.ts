import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { systemActor } from '@hypercare/auth';
import { legacyPeriodContracts, legacyProgrammeId } from '@hypercare/contracts';
import { ServiceRuntime } from '@hypercare/runtime';
import { ProgrammeService } from './programme.service';

const MIGRATOR = systemActor('triage.legacy-programmes');
const STEP = 'legacy-programmes';
const PAGE = 1_000;
const [plannedV1] = legacyPeriodContracts;

/**
 * Before programmes were first-class a period named its programme as free text. Each distinct
 * name becomes a programme, its id the one the period events' upcast gives (`legacyProgrammeId`),
 * before the API opens, so those periods keep working. Idempotent: a programme that exists
 * (made by an earlier start, or by another instance just now) is left as it is. Nothing writes
 * a v1 period any more, so once the log has been scanned it never is again.
 */
@Injectable()
export class LegacyProgrammes implements OnModuleInit {
  private readonly logger = new Logger(LegacyProgrammes.name);

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly programmes: ProgrammeService,
  ) {}

  async onModuleInit(): Promise<void> {
    const [done] = await this.runtime.sql.query('select 1 from triage.completed_steps where step = $1', [
      STEP,
    ]);
    if (done) return;
    const names = await this.legacyNames();
    let created = 0;
    for (const name of names) {
      if (await this.programmes.adoptLegacy(legacyProgrammeId(name), name, { actor: MIGRATOR })) created++;
    }
    if (created) this.logger.log(`made ${created} programme(s) from the free-text names of older periods`);
    await this.runtime.sql.query(
      'insert into triage.completed_steps (step, completed_at) values ($1, now()) on conflict (step) do nothing',
      [STEP],
    );
  }

  private async legacyNames(): Promise<Set<string>> {
    const names = new Set<string>();
    const filter = { types: [plannedV1.type], streamPrefixes: ['period-'] };
    for (let fromPosition = 0; ;) {
      const page = await this.runtime.store.readAllAsRecorded({ fromPosition, maxCount: PAGE, filter });
      for (const event of page) names.add(plannedV1.schema.parse(event.data).programme);
      const last = page.at(-1);
      if (page.length < PAGE || !last) return names;
      fromPosition = last.position + 1;
    }
  }
}
