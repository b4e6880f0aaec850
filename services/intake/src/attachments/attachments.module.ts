import { Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import type { IntakeConfig } from '../config';
import { AttachmentController } from './attachment.controller';
import { Attachments } from './attachments';
import { blobStoreOf } from './blob-store.factory';
import { BLOB_STORE } from './blob-store.port';

@Module({
  controllers: [AttachmentController],
  providers: [
    Attachments,
    {
      provide: BLOB_STORE,
      useFactory: (config: IntakeConfig) => blobStoreOf(config),
      inject: [SERVICE_CONFIG],
    },
  ],
  exports: [Attachments],
})
export class AttachmentsModule {}
