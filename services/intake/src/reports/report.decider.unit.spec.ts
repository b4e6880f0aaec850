import { PERIOD_STATUSES } from '@hypercare/contracts';
import { Conflict, IllegalTransition } from '@hypercare/domain-kit';
import { given } from '@hypercare/event-store/testing';
import {
  type ReceivingPeriod,
  reportDecider,
  type ReportCommand,
  type ReportEvent,
  reportStream,
} from './report.decider';

const REPORT_ID = '0b9a8a8e-6a40-4d4e-9d61-0d5b7f0e2c11';
const PERIOD_ID = '5d3c1f7e-2b8a-4c6d-9e0f-1a2b3c4d5e6f';
const AT = '2026-11-03T09:15:00.000Z';
const content: Extract<ReportCommand, { kind: 'submit' }>['content'] = {
  reporter: { name: 'Ana Ruiz', email: 'ana@example.com' },
  title: 'Invoices do not export',
  description: 'The export button spins forever.',
  stepsToReproduce: ['Open invoices', 'Click export'],
  affectedUsers: 40,
  attachments: [],
  channel: 'web',
};
const submit = (status: ReceivingPeriod['status']): ReportCommand => ({
  kind: 'submit',
  reportId: REPORT_ID,
  period: { periodId: PERIOD_ID, status },
  content,
  at: AT,
});
const submitted: ReportEvent = {
  type: 'hypercare.report.submitted.v1',
  data: { ...content, reportId: REPORT_ID, periodId: PERIOD_ID, submittedAt: AT },
};
const spec = given(reportDecider);
const conflictNaming = (words: RegExp) => (error: unknown) =>
  error instanceof Conflict && words.test(error.message);

describe('Report', () => {
  describe('when new', () => {
    it.each(['active', 'exit-review'] as const)(
      'is submitted to a period that is %s, stamped with the time it came in',
      (status) => {
        spec().when(submit(status)).then([submitted]);
      },
    );

    it('is refused by a period that has not gone live, saying when reports open', () => {
      spec()
        .when(submit('planned'))
        .thenThrows(
          conflictNaming(new RegExp(`period ${PERIOD_ID} is not active yet: reports open when it goes live`)),
        );
    });

    it('is refused by a closed period, pointing at business-as-usual support', () => {
      spec()
        .when(submit('closed'))
        .thenThrows(conflictNaming(/is closed: report to business-as-usual support/));
    });

    it('has a rule for every period status', () => {
      const decided = PERIOD_STATUSES.map((status) => {
        try {
          return reportDecider.decide(submit(status), reportDecider.initialState).length;
        } catch (error) {
          return error instanceof Conflict ? 'refused' : 'unknown';
        }
      });
      expect(decided).toEqual(
        PERIOD_STATUSES.map((status) => (status === 'planned' || status === 'closed' ? 'refused' : 1)),
      );
    });
  });

  describe('when submitted', () => {
    it('cannot be submitted again', () => {
      spec(submitted)
        .when(submit('active'))
        .thenThrows(
          (error) =>
            error instanceof IllegalTransition &&
            error.message === 'Cannot submit a report that is submitted; allowed now: comment, attach',
        );
    });

    const reply = { name: 'Ana Ruiz', email: 'ana@example.com' };
    const comment: ReportCommand = {
      kind: 'comment',
      author: reply,
      text: 'It works again, thanks',
      channel: 'email',
      at: '2026-11-04T10:00:00.000Z',
    };
    const commented: ReportEvent = {
      type: 'hypercare.report.commented.v1',
      data: {
        reportId: REPORT_ID,
        periodId: PERIOD_ID,
        author: reply,
        text: 'It works again, thanks',
        channel: 'email',
        commentedAt: '2026-11-04T10:00:00.000Z',
      },
    };

    it('takes comments through its channels, again and again, staying submitted', () => {
      spec(submitted).when(comment).then([commented]);
      spec(submitted, commented).when(comment).then([commented]);
      spec(submitted, commented)
        .when(submit('active'))
        .thenThrows(
          (error) => error instanceof IllegalTransition && /allowed now: comment/.test(error.message),
        );
    });

    it('takes files, each recorded with what its content is', () => {
      const file = {
        attachmentId: 'a'.repeat(64),
        filename: 'export.png',
        contentType: 'image/png',
        bytes: 2048,
      };
      spec(submitted)
        .when({ kind: 'attach', ...file, at: '2026-11-04T10:00:00.000Z' })
        .then([
          {
            type: 'hypercare.report.attached.v1',
            data: {
              reportId: REPORT_ID,
              periodId: PERIOD_ID,
              ...file,
              attachedAt: '2026-11-04T10:00:00.000Z',
            },
          },
        ]);
      spec()
        .when({ kind: 'attach', ...file, at: AT })
        .thenThrows((error) => error instanceof IllegalTransition);
    });

    it('takes no comment before it exists or once withdrawn', () => {
      spec()
        .when(comment)
        .thenThrows(
          (error) =>
            error instanceof IllegalTransition &&
            error.message === 'Cannot comment a report that is none; allowed now: submit, deflect',
        );
    });
  });

  describe('deflected', () => {
    const ARTICLE = '7a9c1e3f-5b7d-4f9a-8c2e-4d6f8a0c2e4f';
    const deflect = (status: ReceivingPeriod['status']): ReportCommand => ({
      kind: 'deflect',
      reportId: REPORT_ID,
      period: { periodId: PERIOD_ID, status },
      reporter: content.reporter,
      title: content.title,
      channel: 'web',
      articleIds: [ARTICLE],
      at: AT,
    });
    const deflected: ReportEvent = {
      type: 'hypercare.report.deflected.v1',
      data: {
        reportId: REPORT_ID,
        periodId: PERIOD_ID,
        reporter: content.reporter,
        title: content.title,
        channel: 'web',
        articleIds: [ARTICLE],
        deflectedAt: AT,
      },
    };

    it('is withdrawn before submission with the articles that answered it', () => {
      spec().when(deflect('active')).then([deflected]);
    });

    it('is refused where a report would be, and once withdrawn cannot be submitted or withdrawn again', () => {
      spec()
        .when(deflect('closed'))
        .thenThrows(conflictNaming(/is closed/));
      spec(deflected)
        .when(submit('active'))
        .thenThrows(
          (error) =>
            error instanceof IllegalTransition &&
            error.message === 'Cannot submit a report that is deflected; allowed now: nothing',
        );
      spec(submitted)
        .when(deflect('active'))
        .thenThrows((error) => error instanceof IllegalTransition);
    });
  });

  it('keeps its events in a stream named for it', () => {
    expect(reportStream(REPORT_ID)).toBe(`report-${REPORT_ID}`);
  });
});
