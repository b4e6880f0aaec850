import { channel, reportContent } from '@hypercare/contracts';

/** A report as submitted over HTTP: the content every channel shares, and the channel (default `api`). */
export const submitReportBody = reportContent.extend({ channel: channel.default('api') });
