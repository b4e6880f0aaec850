import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { describeWithJava, S3Server } from '@hypercare/testing';
import { blobStoreContract } from './blob-store.contract';
import { loadIntakeConfig } from '../config';
import { blobStoreOf } from './blob-store.factory';
import type { BlobStore } from './blob-store.port';

const environment = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
  KAFKA_BROKERS: '127.0.0.1:9092',
};

/** The S3 adapter, as configured, against a real S3-compatible server (S3Proxy, in memory), signed as AWS signs. */
describeWithJava()('the S3 blob store', () => {
  let server: S3Server;
  let store: BlobStore;

  beforeAll(async () => {
    server = await S3Server.start();
    process.env['AWS_ACCESS_KEY_ID'] = server.accessKeyId;
    process.env['AWS_SECRET_ACCESS_KEY'] = server.secretAccessKey;
    const config = loadIntakeConfig({
      ...environment,
      BLOB_STORE: 's3',
      S3_BUCKET: 'hypercare-attachments',
      S3_ENDPOINT: server.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      S3_PREFIX: 'intake/',
    });
    await new S3Client({
      endpoint: server.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    }).send(new CreateBucketCommand({ Bucket: 'hypercare-attachments' }));
    store = blobStoreOf(config);
  }, 90_000);
  afterAll(() => server?.stop());

  blobStoreContract(() => store);
});
