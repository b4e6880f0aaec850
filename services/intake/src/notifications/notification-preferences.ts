import { Injectable } from '@nestjs/common';
import { ServiceRuntime } from '@hypercare/runtime';
import type { z } from 'zod';
import type { preferencesBody, preferencesView } from './preference.schemas';

type View = z.input<typeof preferencesView>;

interface Row {
  email: string;
  channel: View['channel'];
  muted: View['muted'];
  digest: boolean;
  quiet_from: string | null;
  quiet_to: string | null;
  time_zone: string | null;
  updated_at: Date;
  updated_by: string;
}

/** HH:MM of a PostgreSQL time. */
const hhmm = (time: string): string => time.slice(0, 5);

/** What each person wants to be told and when; someone who never said gets everything, at any hour. */
@Injectable()
export class NotificationPreferences {
  constructor(private readonly runtime: ServiceRuntime) {}

  async of(email: string): Promise<View> {
    const [row] = await this.runtime.sql.query<Row>(
      'select * from intake.notification_preferences where email = lower($1)',
      [email],
    );
    if (!row)
      return {
        email: email.toLowerCase(),
        channel: 'email',
        muted: [],
        digest: false,
        quietHours: null,
        updatedAt: null,
        updatedBy: null,
      };
    return {
      email: row.email,
      channel: row.channel,
      muted: row.muted,
      digest: row.digest,
      quietHours:
        row.quiet_from && row.quiet_to && row.time_zone
          ? { from: hhmm(row.quiet_from), to: hhmm(row.quiet_to), timeZone: row.time_zone }
          : null,
      updatedAt: row.updated_at.toISOString(),
      updatedBy: row.updated_by,
    };
  }

  async set(email: string, preferences: z.infer<typeof preferencesBody>, by: string): Promise<View> {
    const quiet = preferences.quietHours;
    await this.runtime.sql.query(
      `insert into intake.notification_preferences
         (email, muted, digest, quiet_from, quiet_to, time_zone, updated_at, updated_by, channel)
       values (lower($1), $2, $7, $3, $4, $5, now(), $6, $8)
       on conflict (email) do update set channel = excluded.channel, muted = excluded.muted, digest = excluded.digest, quiet_from = excluded.quiet_from,
         quiet_to = excluded.quiet_to, time_zone = excluded.time_zone, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
      [
        email,
        [...new Set(preferences.muted)],
        quiet?.from ?? null,
        quiet?.to ?? null,
        quiet?.timeZone ?? null,
        by,
        preferences.digest,
        preferences.channel,
      ],
    );
    return this.of(email);
  }
}
