/** A file as a channel hands it over: the name and type its sender gave, and its bytes. */
export interface OfferedFile {
  filename: string;
  bytes: Buffer;
}

export type Checked = { accepted: true; contentType: string } | { accepted: false; reason: string };

const OOXML = 'application/vnd.openxmlformats-officedocument';

/** The kinds of file taken, each known by its first bytes, with the names it may go by. */
const KINDS: ReadonlyArray<{ type: string; extensions: string[]; is: (bytes: Buffer) => boolean }> = [
  {
    type: 'application/pdf',
    extensions: ['pdf'],
    is: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  },
  {
    type: 'image/png',
    extensions: ['png'],
    is: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    type: 'image/jpeg',
    extensions: ['jpg', 'jpeg'],
    is: (b) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  },
  {
    type: 'image/gif',
    extensions: ['gif'],
    is: (b) => /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1')),
  },
  {
    type: 'image/webp',
    extensions: ['webp'],
    is: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { type: `${OOXML}.wordprocessingml.document`, extensions: ['docx'], is: (b) => isZip(b) },
  { type: `${OOXML}.spreadsheetml.sheet`, extensions: ['xlsx'], is: (b) => isZip(b) },
  { type: `${OOXML}.presentationml.presentation`, extensions: ['pptx'], is: (b) => isZip(b) },
  { type: 'text/csv', extensions: ['csv'], is: (b) => isText(b) },
  { type: 'text/plain', extensions: ['txt', 'log'], is: (b) => isText(b) },
];

const isZip = (bytes: Buffer): boolean => bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

/** Bytes of control characters other than tab, line feed and carriage return. */
const CONTROL = new Set(
  [...Array.from({ length: 32 }, (_, byte) => byte)].filter((byte) => ![9, 10, 13].includes(byte)),
);

/** Text: valid UTF-8 without control characters other than tab and line ends. */
const isText = (bytes: Buffer): boolean => {
  if (bytes.some((byte) => CONTROL.has(byte))) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

const TAKEN = 'PDF, PNG, JPEG, GIF, WebP, Word, Excel, PowerPoint, CSV or plain text';

/**
 * Whether a file is taken, by what its bytes are rather than what it is called: within the
 * size limit, of a kind taken, and that kind the one its name says (an executable named
 * invoice.pdf is refused as disguised). The content type kept is the one its bytes show.
 */
export const checkFile = ({ filename, bytes }: OfferedFile, maxBytes: number): Checked => {
  if (bytes.length === 0) return { accepted: false, reason: 'is empty' };
  if (bytes.length > maxBytes)
    return {
      accepted: false,
      reason: `is ${bytes.length} bytes; files of at most ${maxBytes} bytes are taken`,
    };
  const extension = /\.([A-Za-z0-9]{1,10})$/.exec(filename)?.[1]?.toLowerCase() ?? '';
  const named = KINDS.find(({ extensions }) => extensions.includes(extension));
  if (!named) return { accepted: false, reason: `is not a kind of file taken (${TAKEN})` };
  if (named.is(bytes)) return { accepted: true, contentType: named.type };
  const actual = KINDS.find((kind) => kind.is(bytes) && !kind.extensions.includes('txt'));
  return {
    accepted: false,
    reason: actual
      ? `is named .${extension} but its content is ${actual.type}: refused as disguised`
      : `is named .${extension} but its content is not: refused as disguised`,
  };
};
