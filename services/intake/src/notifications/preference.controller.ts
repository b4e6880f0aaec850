import { Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor, type Actor } from '@hypercare/auth';
import { ApiOutcomes, JsonBody } from '@hypercare/service-kit';
import type { z } from 'zod';
import { NotificationPreferences } from './notification-preferences';
import { preferencesBody, preferencesView } from './preference.schemas';

/** A person's preferences are theirs, and a platform admin's to fix; to anyone else there are none. */
@ApiTags('notifications')
@Controller('people/:email/notification-preferences')
@Access('platform.admin', { kind: 'person', param: 'email' })
export class PreferenceController {
  constructor(private readonly preferences: NotificationPreferences) {}

  @Get()
  @ApiOperation({ summary: 'What a person is told and when: their own, or any for a platform admin' })
  @ApiOutcomes(
    { status: 200, description: 'The preferences (the defaults if never set)', schema: preferencesView },
    404,
  )
  get(@Param('email') email: string): Promise<z.input<typeof preferencesView>> {
    return this.preferences.of(email);
  }

  @Put()
  @ApiOperation({
    summary:
      'Mutes kinds of notification and sets quiet hours; urgent notifications reach the person regardless',
  })
  @ApiOutcomes({ status: 200, description: 'The preferences now', schema: preferencesView }, 400, 404)
  set(
    @Param('email') email: string,
    @JsonBody(preferencesBody) body: z.infer<typeof preferencesBody>,
    @CurrentActor() actor: Actor,
  ): Promise<z.input<typeof preferencesView>> {
    return this.preferences.set(email, body, actor.name);
  }
}
