import { describeMessageBusContract } from './testing';
import { InProcessMessageBus } from './in-process-message-bus';

describeMessageBusContract('in-process', async () => {
  const bus = new InProcessMessageBus();
  return { bus, dispose: () => bus.close() };
});
