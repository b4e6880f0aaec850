import { isoTime } from '@hypercare/contracts';
import { z } from 'zod';

/** One request through the API gateway, whatever wrote the log. */
export interface GatewayRecord {
  time: Date;
  route: string;
  status: number;
  latencyMs: number;
}

const route = z.string().min(1).max(300);
const status = z.coerce.number().int().min(100).max(599);
const latency = z.coerce.number().nonnegative().max(3_600_000);

/** The platform's own format: one object per request. */
const hypercare = z.object({
  time: isoTime,
  route,
  method: z.string().max(20).optional(),
  status,
  latencyMs: latency,
  upstream: z.string().max(300).optional(),
});

/** NGINX with `log_format ... escape=json` (docs/monitoring.md): times ISO 8601, `request_time` in seconds. */
const nginx = z.object({
  time_iso8601: isoTime,
  route: route
    .optional()
    .describe('A route name the log format sets (a map over $uri); else the path of `uri`'),
  uri: route,
  request_method: z.string().max(20).optional(),
  status,
  request_time: latency,
  upstream_addr: z.string().max(300).optional(),
});

/** AWS API Gateway access logs in JSON: `$context.requestTimeEpoch` (ms) and `$context.responseLatency` (ms). */
const aws = z.object({
  requestTimeEpoch: z.coerce.number().int().positive(),
  routeKey: route.optional(),
  resourcePath: route.optional(),
  httpMethod: z.string().max(20).optional(),
  status,
  responseLatency: latency,
});

export const GATEWAY_FORMATS = ['hypercare', 'nginx', 'aws-apigateway'] as const;
export type GatewayFormat = (typeof GATEWAY_FORMATS)[number];

const batch = <T extends z.ZodTypeAny>(record: T) =>
  z.object({ records: z.array(record).min(1).max(10_000) });

/** The body each format is sent in: `{ "records": [...] }`, at most 10,000 a request. */
export const gatewayBatches = {
  hypercare: batch(hypercare),
  nginx: batch(nginx),
  'aws-apigateway': batch(aws),
} as const;

/** The records of a batch in the one shape rules read. */
export const gatewayRecords = (format: GatewayFormat, body: { records: unknown[] }): GatewayRecord[] => {
  switch (format) {
    case 'hypercare':
      return (body.records as Array<z.infer<typeof hypercare>>).map((r) => ({
        time: new Date(r.time),
        route: r.route,
        status: r.status,
        latencyMs: r.latencyMs,
      }));
    case 'nginx':
      return (body.records as Array<z.infer<typeof nginx>>).map((r) => ({
        time: new Date(r.time_iso8601),
        route: r.route ?? (r.uri.split('?')[0] as string),
        status: r.status,
        latencyMs: r.request_time * 1_000,
      }));
    case 'aws-apigateway':
      return (body.records as Array<z.infer<typeof aws>>).map((r) => ({
        time: new Date(r.requestTimeEpoch),
        route: r.routeKey ?? r.resourcePath ?? 'unknown',
        status: r.status,
        latencyMs: r.responseLatency,
      }));
  }
};
