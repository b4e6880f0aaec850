import { Module } from '@nestjs/common';
import { ChannelSecrets } from '../channel-secrets';
import { TeamsPlaces } from './teams-places';

/** Where Teams meets the platform, for Teams in and notifications out. */
@Module({ providers: [ChannelSecrets, TeamsPlaces], exports: [ChannelSecrets, TeamsPlaces] })
export class TeamsModule {}
