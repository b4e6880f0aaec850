import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { reportAttached, reportContracts } from '@hypercare/contracts';
import { type Clock, NotFound } from '@hypercare/domain-kit';
import { commandHandler, type EventMetadata } from '@hypercare/event-store';
import { CLOCK, ServiceRuntime } from '@hypercare/runtime';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import type { IntakeConfig } from '../config';
import { reportDecider, reportStream } from '../reports/report.decider';
import { checkFile, type OfferedFile } from './attachment-check';
import { type Blob, BLOB_STORE, type BlobStore } from './blob-store.port';

export interface KeptFiles {
  kept: Array<{ attachmentId: string; filename: string; contentType: string; bytes: number }>;
  refused: Array<{ filename: string; reason: string }>;
}

/** A file of a report, as its event records it. */
export type Attachment = KeptFiles['kept'][number] & { attachedAt: string };

const blobKey = (reportId: string, attachmentId: string): string => `attachments/${reportId}/${attachmentId}`;

/**
 * The files that come with reports: each checked (size, and a kind its bytes show, as its
 * name says), its bytes stored in the blob store under its digest, then recorded on the
 * report, once per message: the bytes are stored before the event names them, so no event
 * points at nothing, and a retried message stores and records nothing twice.
 */
@Injectable()
export class Attachments {
  private readonly attach;
  private readonly maxBytes: number;

  constructor(
    private readonly runtime: ServiceRuntime,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) config: IntakeConfig,
  ) {
    this.attach = commandHandler(runtime.store, reportDecider);
    this.maxBytes = config.ATTACHMENT_MAX_BYTES;
  }

  async keep(
    reportId: string,
    files: readonly OfferedFile[],
    key: string,
    metadata: EventMetadata,
  ): Promise<KeptFiles> {
    const kept: KeptFiles['kept'] = [];
    const refused: KeptFiles['refused'] = [];
    for (const file of files) {
      const checked = checkFile(file, this.maxBytes);
      if (!checked.accepted) {
        refused.push({ filename: file.filename, reason: checked.reason });
        continue;
      }
      const attachmentId = createHash('sha256').update(file.bytes).digest('hex');
      await this.blobs.put(blobKey(reportId, attachmentId), {
        bytes: file.bytes,
        contentType: checked.contentType,
      });
      const recorded = {
        attachmentId,
        filename: file.filename,
        contentType: checked.contentType,
        bytes: file.bytes.length,
      };
      await this.attach(
        reportStream(reportId),
        { kind: 'attach', ...recorded, at: this.clock.now().toISOString() },
        { expect: 'existing', idempotencyKey: `${key}:${attachmentId}`, metadata },
      );
      kept.push(recorded);
    }
    return { kept, refused };
  }

  /** The files of a report, in the order they came. */
  async of(reportId: string): Promise<Attachment[]> {
    const events = await this.runtime.store.readStreamOf(reportStream(reportId), reportContracts);
    return events
      .filter((event) => event.type === reportAttached.type)
      .map(({ data: { attachmentId, filename, contentType, bytes, attachedAt } }) => ({
        attachmentId,
        filename,
        contentType,
        bytes,
        attachedAt,
      }));
  }

  /** One file of a report, with its bytes; 404 for one the report does not have. */
  async file(reportId: string, attachmentId: string): Promise<{ attachment: Attachment; blob: Blob }> {
    const attachment = (await this.of(reportId)).find((file) => file.attachmentId === attachmentId);
    const blob = attachment && (await this.blobs.get(blobKey(reportId, attachmentId)));
    if (!attachment || !blob) throw new NotFound('attachment', attachmentId);
    return { attachment, blob };
  }
}
