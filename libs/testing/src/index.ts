export { freePort } from './free-port';
export { describeWith, databaseUrl, kafkaBrokers, type InfraNeed } from './infra-needs';
export { describeServiceBoot, type ServiceBootSpec } from './service-boot';
export { buildBundles, spawnBundle, spawnService, waitForOk, type ServiceProcess } from './service-process';
export { createDatabase, createTestDatabase, uniqueSuffix, type TestDatabase } from './test-database';
export { describeWithJava, privateKafka, type PrivateKafka } from './private-kafka';
export {
  benchSetting,
  closedLoop,
  concludeBench,
  fmt,
  openLoop,
  percentiles,
  printTable,
} from './bench-harness';
export { eventually, sleep } from './eventually';
export { logReadable, readCommitted, type ReadableLog } from './log-readable';
export {
  TestIdentityProvider,
  type IdentityProviderOptions,
  type IdpAccount,
  type IdpClient,
  type SigningKey,
} from './identity-provider';
export { MailServer } from './mail-server';
export { SlackStandIn, type PostedMessage } from './slack-stand-in';
export { S3Server } from './s3-server';
export { HttpReceiver, type Answer, type ReceivedRequest } from './http-receiver';
export { TeamsStandIn, type PostedCard } from './teams-stand-in';
export { describeWithBrowser, launchBrowser } from './browser';
export { describeWithProgram, onPath, type ProgramNeed } from './program-needs';
export { workspaceRoot } from './infra-resolution';
