import { Inject, Injectable } from '@nestjs/common';
import { LinkTokens } from '@hypercare/auth';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import type { IntakeConfig } from '../config';

/**
 * The links of satisfaction surveys, made when their notification is sent (never stored, so
 * the notification log holds no way into anyone's survey): feedback's survey page, the token
 * in the fragment, signed under HYPERCARE_SIGNING_KEY, which feedback takes as well as its own.
 */
@Injectable()
export class SurveyLinks {
  private readonly tokens?: LinkTokens;
  private readonly page?: string;
  /** Why links cannot be made, when they cannot. */
  readonly unavailable?: string;

  constructor(@Inject(SERVICE_CONFIG) config: IntakeConfig) {
    if (!config.HYPERCARE_SIGNING_KEY || !config.FEEDBACK_PUBLIC_URL) {
      this.unavailable = `survey links need ${[
        ...(config.HYPERCARE_SIGNING_KEY ? [] : ['HYPERCARE_SIGNING_KEY']),
        ...(config.FEEDBACK_PUBLIC_URL ? [] : ['FEEDBACK_PUBLIC_URL']),
      ].join(' and ')} set on intake: kept in the log, not sent`;
      return;
    }
    this.tokens = new LinkTokens(config.HYPERCARE_SIGNING_KEY);
    this.page = `${config.FEEDBACK_PUBLIC_URL.replace(/\/$/, '')}/surveys/respond`;
  }

  /** The link that opens a survey. */
  linkTo(surveyId: string): string {
    if (!this.tokens) throw new Error(this.unavailable);
    return `${this.page}#${this.tokens.tokenOf(surveyId)}`;
  }
}
