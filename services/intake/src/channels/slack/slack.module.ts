import { Module } from '@nestjs/common';
import { SlackApi } from './slack-api';
import { SlackPlaces } from './slack-places';

/** Slack's Web API and where Slack meets the platform, for Slack in and notifications out. */
@Module({ providers: [SlackApi, SlackPlaces], exports: [SlackApi, SlackPlaces] })
export class SlackModule {}
