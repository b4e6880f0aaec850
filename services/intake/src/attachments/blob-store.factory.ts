import { S3Client } from '@aws-sdk/client-s3';
import type { IntakeConfig } from '../config';
import type { BlobStore } from './blob-store.port';
import { FilesystemBlobStore } from './filesystem-blob-store';
import { S3BlobStore } from './s3-blob-store';

/** Where attachments go when BLOB_DIR is not set: beside the process. */
const DEFAULT_BLOB_DIR = '.hypercare-blobs';

/**
 * The configured blob store: files under BLOB_DIR, or an S3 bucket (credentials from the AWS
 * SDK's usual chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, an instance role).
 * Checksums are sent only where S3 requires them, which S3-compatible servers expect too.
 */
export const blobStoreOf = (config: IntakeConfig): BlobStore => {
  if (config.BLOB_STORE === 'filesystem') return new FilesystemBlobStore(config.BLOB_DIR ?? DEFAULT_BLOB_DIR);
  const client = new S3Client({
    region: config.S3_REGION,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
  });
  return new S3BlobStore(client, config.S3_BUCKET as string, config.S3_PREFIX);
};
