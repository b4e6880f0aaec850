import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ContractRegistry } from '@hypercare/contracts';
import {
  ContractedEventStore,
  openPostgresEventStore,
  type PostgresEventStore,
} from '@hypercare/event-store';
import { createTestDatabase, describeWith, kafkaBrokers, type TestDatabase } from '@hypercare/testing';
import { KafkaMessageBus } from './kafka-message-bus';
import type { RunningConsumer } from './message-bus.port';
import { SoleLeader } from './relay/leader-election';
import { counterIncremented } from './relay/messaging-worker.fixture';
import { OutboxRelay } from './relay/outbox-relay';
import { currentTraceparent } from './tracing';

describeWith('postgres', 'kafka')('trace propagation from request to consumer', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const topic = `test.trace.${randomUUID().slice(0, 8)}.v1`;
  const contract = counterIncremented(topic);
  let database: TestDatabase;
  let store: PostgresEventStore;
  let bus: KafkaMessageBus;
  let relay: OutboxRelay;
  let consumer: RunningConsumer;
  let server: Server;

  beforeAll(async () => {
    provider.register();
    database = await createTestDatabase('trace');
    store = await openPostgresEventStore(database.url);
    bus = await KafkaMessageBus.connect({ brokers: kafkaBrokers(), clientId: 'trace-test' });
    await bus.provision([{ name: topic, partitions: 1 }]);
    relay = OutboxRelay.start({
      store: new ContractedEventStore(store, new ContractRegistry([contract])),
      bus,
      source: '/hypercare/test',
      election: new SoleLeader(),
    });
    const tracer = trace.getTracer('test-http');
    // Stands in for the HTTP instrumentation: a SERVER span continuing the caller's trace, then the command's append.
    server = createServer((request, response) => {
      const parent = propagation.extract(context.active(), request.headers);
      void tracer.startActiveSpan('POST /counters', { kind: SpanKind.SERVER }, parent, async (span) => {
        await store.append(`counter-${randomUUID()}`, [
          { type: contract.type, data: { seq: 0 }, metadata: { traceparent: currentTraceparent() } },
        ]);
        span.end();
        response.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await consumer?.stop();
    await relay?.stop();
    await bus?.close();
    await store?.close();
    await database?.drop();
    await new Promise((resolve) => server?.close(resolve));
    await provider.shutdown();
    trace.disable();
    propagation.disable();
    context.disable();
  });

  it('continues the trace of the HTTP request in the consumer span that applies the event', async () => {
    let effectTraceId: string | undefined;
    const applied = new Promise<void>((resolve) => {
      void bus
        .consume({
          groupId: `trace-${topic}`,
          topics: [topic],
          handle: async () => {
            effectTraceId = trace.getActiveSpan()?.spanContext().traceId;
            resolve();
          },
        })
        .then((running) => (consumer = running));
    });
    const clientTraceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/counters`, {
      method: 'POST',
      headers: { traceparent: `00-${clientTraceId}-00f067aa0ba902b7-01` },
    });
    expect(response.status).toBe(202);
    await applied;
    for (
      let waited = 0;
      waited < 5_000 && !exporter.getFinishedSpans().some((span) => span.kind === SpanKind.CONSUMER);
      waited += 20
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    expect(effectTraceId).toBe(clientTraceId);
    const spans = exporter.getFinishedSpans();
    const request = spans.find((span) => span.name === 'POST /counters');
    const processing = spans.find((span) => span.name === `process ${topic}`);
    expect(request?.spanContext().traceId).toBe(clientTraceId);
    expect(processing?.spanContext().traceId).toBe(clientTraceId);
    expect(processing?.parentSpanContext?.spanId).toBe(request?.spanContext().spanId);
    expect(processing?.kind).toBe(SpanKind.CONSUMER);
  });
});
