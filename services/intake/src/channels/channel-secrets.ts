import { Inject, Injectable } from '@nestjs/common';
import { SecretSealer } from '@hypercare/auth';
import { Conflict } from '@hypercare/domain-kit';
import { SERVICE_CONFIG } from '@hypercare/service-kit';
import type { IntakeConfig } from '../config';

/**
 * The credentials channels keep (a Teams webhook's secret and URL, a notification webhook's
 * secret), sealed under HYPERCARE_SIGNING_KEY: a copy of the database alone reveals none, and
 * without the key none can be kept.
 */
@Injectable()
export class ChannelSecrets {
  private readonly sealer?: SecretSealer;

  constructor(@Inject(SERVICE_CONFIG) config: IntakeConfig) {
    if (config.HYPERCARE_SIGNING_KEY) this.sealer = new SecretSealer(config.HYPERCARE_SIGNING_KEY);
  }

  /** The secret sealed; 409 when this service cannot keep secrets. */
  seal(secret: string): string {
    if (!this.sealer)
      throw new Conflict(
        'Channel secrets cannot be kept: HYPERCARE_SIGNING_KEY is not set on intake (docs/security.md)',
      );
    return this.sealer.seal(secret);
  }

  /** The secret in clear; throws when the key that sealed it is gone or changed. */
  open(sealed: string): string {
    if (!this.sealer)
      throw new Error('HYPERCARE_SIGNING_KEY is not set on intake: sealed secrets cannot be read');
    return this.sealer.open(sealed);
  }
}
