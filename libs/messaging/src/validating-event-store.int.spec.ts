import { ContractRegistry, ContractViolation, defineEvent } from '@hypercare/contracts';
import { openPgliteEventStore, type PostgresEventStore } from '@hypercare/event-store';
import { z } from 'zod';
import { validatingEventStore } from './validating-event-store';

const noted = defineEvent({ type: 'hypercare.probe.noted.v1', topic: 'test.probe.v1', summary: 'probe', schema: z.object({ text: z.string().min(1), count: z.number().int().default(1) }) });

describe('appending through the contracts', () => {
  let raw: PostgresEventStore;
  let store: PostgresEventStore;
  beforeAll(async () => {
    raw = await openPgliteEventStore();
    store = validatingEventStore(raw, new ContractRegistry([noted]));
  });
  afterAll(async () => raw?.close());

  it('refuses a whole append when one event breaks its contract, naming the field, and writes nothing', async () => {
    const append = store.append('probe-1', [
      { type: noted.type, data: { text: 'fine' } },
      { type: noted.type, data: { text: '', count: 1.5 } },
    ]);
    await expect(append).rejects.toThrow(ContractViolation);
    await expect(store.append('probe-1', [{ type: noted.type, data: { text: '' } }])).rejects.toThrow(/text/);
    await expect(store.transaction((tx) => tx.append('probe-1', [{ type: noted.type, data: { count: 2 } }]))).rejects.toThrow(/text/);
    expect(await raw.readStream('probe-1')).toEqual([]);
  });

  it('stores contracted events in their parsed form and internal events unchanged', async () => {
    await store.append('probe-2', [
      { type: noted.type, data: { text: 'defaults applied' } },
      { type: 'internal.timer-set', data: { anything: true } },
    ]);
    expect((await raw.readStream('probe-2')).map(({ type, data }) => ({ type, data }))).toEqual([
      { type: noted.type, data: { text: 'defaults applied', count: 1 } },
      { type: 'internal.timer-set', data: { anything: true } },
    ]);
    expect(await store.headPosition()).toBe(await raw.headPosition());
  });
});
