import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** How services sign in to Kafka and encrypt the connection: the same variables everywhere. */
export const kafkaSecurityVariables = {
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  /** A secret: give it as KAFKA_SASL_PASSWORD_FILE in deployments. */
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  KAFKA_TLS: z.enum(['true', 'false']).default('false'),
  /** PEM file of the certificate authority the brokers' certificates chain to (default: the system's). */
  KAFKA_TLS_CA_FILE: z.string().min(1).optional(),
};

export type KafkaSecurityEnvironment = z.infer<z.ZodObject<typeof kafkaSecurityVariables>>;

/** What kafkajs takes for it: `sasl` and `ssl` options. */
export interface KafkaSecurity {
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
  ssl?: boolean | { ca: string[] };
}

/** Settings that are each valid but do not work together. */
export const kafkaSecurityProblems = (config: Partial<KafkaSecurityEnvironment>): string[] => [
  ...(config.KAFKA_SASL_MECHANISM && !(config.KAFKA_SASL_USERNAME && config.KAFKA_SASL_PASSWORD)
    ? [
        `KAFKA_SASL_MECHANISM=${config.KAFKA_SASL_MECHANISM} needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD`,
      ]
    : []),
  ...(!config.KAFKA_SASL_MECHANISM && (config.KAFKA_SASL_USERNAME || config.KAFKA_SASL_PASSWORD)
    ? ['KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD need KAFKA_SASL_MECHANISM']
    : []),
  ...(config.KAFKA_TLS_CA_FILE && config.KAFKA_TLS !== 'true'
    ? ['KAFKA_TLS_CA_FILE needs KAFKA_TLS=true']
    : []),
];

/** The kafkajs security options the configuration describes; none for a plain connection. */
export const kafkaSecurity = (config: KafkaSecurityEnvironment): KafkaSecurity => ({
  ...(config.KAFKA_SASL_MECHANISM
    ? {
        sasl: {
          mechanism: config.KAFKA_SASL_MECHANISM,
          username: config.KAFKA_SASL_USERNAME as string,
          password: config.KAFKA_SASL_PASSWORD as string,
        },
      }
    : {}),
  ...(config.KAFKA_TLS === 'true'
    ? { ssl: config.KAFKA_TLS_CA_FILE ? { ca: [readFileSync(config.KAFKA_TLS_CA_FILE, 'utf8')] } : true }
    : {}),
});
