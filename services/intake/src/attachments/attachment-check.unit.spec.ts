import { checkFile } from './attachment-check';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 1),
]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0)]);
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(16, 0)]);
const check = (filename: string, bytes: Buffer, max = 1_000) => checkFile({ filename, bytes }, max);

describe('checking a file that came with a report', () => {
  it.each([
    ['screen.PNG', PNG, 'image/png'],
    ['invoice.pdf', PDF, 'application/pdf'],
    ['photo.jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'image/jpeg'],
    ['spin.gif', Buffer.from('GIF89a....'), 'image/gif'],
    ['shot.webp', Buffer.from('RIFF\0\0\0\0WEBPVP8 '), 'image/webp'],
    ['totals.xlsx', ZIP, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['export.csv', Buffer.from('id;total\n1;200,5\n'), 'text/csv'],
    ['server.log', Buffer.from('2026-11-03 ERROR timeout\tafter 30 s\r\n'), 'text/plain'],
  ])('takes %s as what its bytes show', (filename, bytes, contentType) => {
    expect(check(filename, bytes)).toEqual({ accepted: true, contentType });
  });

  it('refuses a file whose content is not what its name says, naming what it is', () => {
    expect(check('invoice.pdf', PNG)).toEqual({
      accepted: false,
      reason: 'is named .pdf but its content is image/png: refused as disguised',
    });
    expect(check('invoice.pdf', EXE)).toEqual({
      accepted: false,
      reason: 'is named .pdf but its content is not: refused as disguised',
    });
    expect(check('notes.txt', EXE)).toMatchObject({
      accepted: false,
      reason: expect.stringMatching(/disguised/),
    });
  });

  it('refuses kinds it does not take, empty files and files over the limit', () => {
    expect(check('setup.exe', EXE)).toEqual({
      accepted: false,
      reason:
        'is not a kind of file taken (PDF, PNG, JPEG, GIF, WebP, Word, Excel, PowerPoint, CSV or plain text)',
    });
    expect(check('noextension', PDF)).toMatchObject({ accepted: false });
    expect(check('empty.txt', Buffer.alloc(0))).toEqual({ accepted: false, reason: 'is empty' });
    expect(check('big.pdf', Buffer.concat([PDF, Buffer.alloc(1_000)]), 1_000)).toEqual({
      accepted: false,
      reason: 'is 1017 bytes; files of at most 1000 bytes are taken',
    });
    expect(check('edge.pdf', Buffer.concat([PDF, Buffer.alloc(1_000 - PDF.length)]), 1_000)).toMatchObject({
      accepted: true,
    });
  });
});
