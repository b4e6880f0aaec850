import { type Person, reportContent } from '@hypercare/contracts';

const TITLE_MAX = reportContent.shape.title.maxLength ?? 200;

/**
 * The title of a report a message opens: its subject on one line, cut to fit, or who sent it
 * when the subject is too short to name anything.
 */
export const reportTitle = (subject: string | undefined, author: Person, medium: string): string => {
  const title = (subject ?? '').replace(/\s+/g, ' ').trim();
  if (title.length >= 3) return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
  return `${medium} from ${author.name}`.slice(0, TITLE_MAX);
};
