import { trace } from '@opentelemetry/api';
import type { Params } from 'nestjs-pino';

/**
 * JSON logs with the active trace and span ids on every line, so a log line leads to
 * its trace. Health and metrics probes are not logged: they would drown the rest.
 */
export const loggingParams = (serviceName: string, level: string): Params => ({
  pinoHttp: {
    level,
    base: { service: serviceName },
    messageKey: 'msg',
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    formatters: { level: (label: string) => ({ level: label }) },
    mixin: () => {
      const spanContext = trace.getActiveSpan()?.spanContext();
      return spanContext ? { trace_id: spanContext.traceId, span_id: spanContext.spanId } : {};
    },
    autoLogging: { ignore: (request) => /^\/(health|metrics)/.test(request.url ?? '') },
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
  },
});
