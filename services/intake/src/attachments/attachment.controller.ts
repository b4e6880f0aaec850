import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access } from '@hypercare/auth';
import { isoTime } from '@hypercare/contracts';
import { ApiOutcomes } from '@hypercare/service-kit';
import type { Response } from 'express';
import { z } from 'zod';
import { Attachments } from './attachments';

const attachmentView = z.object({
  attachmentId: z.string().describe("The SHA-256 of the file's bytes"),
  filename: z.string(),
  contentType: z.string().describe('As its content shows it'),
  bytes: z.number().int(),
  attachedAt: isoTime,
});

const REPORT = { kind: 'resource', resource: 'report', param: 'reportId' } as const;

@ApiTags('reports')
@Controller('reports/:reportId/attachments')
export class AttachmentController {
  constructor(private readonly attachments: Attachments) {}

  @Get()
  @Access('report.read', REPORT)
  @ApiOperation({ summary: 'The files that came with a report (a mail’s attachments), checked and kept' })
  @ApiOutcomes(
    { status: 200, description: 'Its files, in the order they came', schema: z.array(attachmentView) },
    404,
  )
  list(@Param('reportId') reportId: string): Promise<Array<z.input<typeof attachmentView>>> {
    return this.attachments.of(reportId);
  }

  @Get(':attachmentId')
  @Access('report.read', REPORT)
  @ApiOperation({ summary: 'One file of a report, as a download' })
  @ApiProduces('application/octet-stream')
  @ApiOutcomes({ status: 200, description: 'The bytes, with the type their content shows' }, 404)
  async download(
    @Param('reportId') reportId: string,
    @Param('attachmentId') attachmentId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { attachment, blob } = await this.attachments.file(reportId, attachmentId);
    // A download, never rendered in place: a file sent by anyone must not run as our page.
    response.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
    );
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(blob.bytes, { type: blob.contentType, length: blob.bytes.length });
  }
}
