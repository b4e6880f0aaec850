import { Module } from '@nestjs/common';
import { FeedbackItemController } from './feedback-item.controller';
import { FeedbackItems } from './feedback-items';

/** Free feedback from users, and the suggestions deferred to the enhancement backlog. */
@Module({ controllers: [FeedbackItemController], providers: [FeedbackItems] })
export class ItemsModule {}
