import { event, readAllOf, uniqueStreams } from '../contract/fixture';
import { EventIdConflict, WrongExpectedVersion } from '../errors';
import { onServerAndPglite, type AdapterScenario } from './adapters.fixture';

/**
 * Appends inside one `transaction`: each runs alone (never coalesced), so every outcome,
 * a refusal included, must leave the transaction usable and the positions in order.
 */
const transactionScenario: AdapterScenario = (store) => {
  it('orders every append of a transaction and survives refused ones inside it', async () => {
    const { prefix, stream } = uniqueStreams();
    const first = [
      event('Opened', { n: 1 }, { id: crypto.randomUUID() }),
      event('Triaged', { n: 2 }, { id: crypto.randomUUID() }),
    ];
    const taken = crypto.randomUUID();
    await store().append(stream('elsewhere'), [event('Opened', {}, { id: taken })]);

    const results = await store().transaction(async (tx) => {
      const opened = await tx.append(stream('a'), first, { expectedVersion: 'no-stream' });
      const other = await tx.append(stream('b'), [event('Opened')]);
      await expect(tx.append(stream('a'), [event('Late')], { expectedVersion: 0 })).rejects.toMatchObject({
        constructor: WrongExpectedVersion,
        actualVersion: 1,
      });
      const retried = await tx.append(stream('a'), first, { expectedVersion: 'no-stream' });
      await expect(tx.append(stream('b'), [event('Reused', {}, { id: taken })])).rejects.toBeInstanceOf(
        EventIdConflict,
      );
      const next = await tx.append(stream('a'), [event('Acknowledged')], { expectedVersion: 1 });
      return { opened, other, retried, next };
    });

    const written = (await readAllOf(store(), prefix)).filter((e) => e.stream !== stream('elsewhere'));
    expect(written.map((e) => [e.stream, e.version, e.type])).toEqual([
      [stream('a'), 0, 'Opened'],
      [stream('a'), 1, 'Triaged'],
      [stream('b'), 0, 'Opened'],
      [stream('a'), 2, 'Acknowledged'],
    ]);
    expect(written.every((e, i) => i === 0 || e.position > (written[i - 1]?.position as number))).toBe(true);
    expect(results.retried).toEqual(results.opened);
    expect(results.opened.position).toBe(written[1]?.position);
    expect(results.other.position).toBe(written[2]?.position);
    expect(results.next).toEqual({ nextExpectedVersion: 2, position: written[3]?.position });
  });

  it('writes nothing when the transaction fails after its appends', async () => {
    const { prefix, stream } = uniqueStreams();
    const failing = store().transaction(async (tx) => {
      await tx.append(stream('a'), [event('Opened'), event('Triaged')]);
      await tx.append(stream('b'), [event('Opened')]);
      throw new Error('the handler failed');
    });
    await expect(failing).rejects.toThrow('the handler failed');
    expect(await readAllOf(store(), prefix)).toEqual([]);
  });
};

onServerAndPglite('appends in a transaction', transactionScenario, { database: 'es_tx' });
