import { BadRequestException, type PipeTransform } from '@nestjs/common';
import busboy from 'busboy';

/** The media type of a whole mail message, as relays and `sendmail`-style pipes hand it over. */
export const MAIL_MEDIA_TYPE = 'message/rfc822';

/** The media type of the inbound-parse webhooks that relays post (a form, the message in a field). */
export const FORM_MEDIA_TYPE = 'multipart/form-data';

/** The largest mail taken: what the common providers let through, attachments included. */
export const MAX_MAIL_BYTES = 25 * 1024 * 1024;

/**
 * The form fields a relay's inbound-parse webhook puts the raw message in: SendGrid Inbound
 * Parse with "POST the raw, full MIME message" (`email`), Mailgun's routes forwarding to a URL
 * ending in `mime` (`body-mime`).
 */
export const RAW_MESSAGE_FIELDS = ['email', 'body-mime'] as const;

/** A mail as the request brought it: raw, or inside an inbound-parse form. */
export interface RelayedBody {
  contentType: string;
  body: Buffer;
}

/** The raw message a form carries in one of its fields (or as a file of that name), if any. */
const messageInForm = ({ contentType, body }: RelayedBody): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    // latin1 maps each byte to one character and back: an 8-bit message survives the field unchanged.
    const form = busboy({
      headers: { 'content-type': contentType },
      defCharset: 'latin1',
      limits: { fieldSize: MAX_MAIL_BYTES },
    });
    const wanted = (name: string) => (RAW_MESSAGE_FIELDS as readonly string[]).includes(name);
    let message: Buffer | undefined;
    form.on('field', (name, value) => {
      if (wanted(name) && !message) message = Buffer.from(value, 'latin1');
    });
    form.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => wanted(name) && chunks.push(chunk));
      stream.on('end', () => {
        if (wanted(name) && !message) message = Buffer.concat(chunks);
      });
    });
    form.on('close', () => resolve(message));
    form.on('error', reject);
    form.end(body);
  });

/** Turns what a relay posted into the raw message: as it came, or taken out of its form (400 if none). */
export class RelayedMailPipe implements PipeTransform<RelayedBody, Promise<Buffer>> {
  async transform(relayed: RelayedBody): Promise<Buffer> {
    if (!relayed.contentType.toLowerCase().startsWith(FORM_MEDIA_TYPE)) return relayed.body;
    const message = await messageInForm(relayed).catch((error: Error) => {
      throw new BadRequestException(`The form cannot be read: ${error.message}`);
    });
    if (!message?.length)
      throw new BadRequestException(
        `The form carries no raw message: put it in the field ${RAW_MESSAGE_FIELDS.map((name) => `\`${name}\``).join(' or ')} (SendGrid: "POST the raw, full MIME message"; Mailgun: forward to a URL ending in mime)`,
      );
    return message;
  }
}
