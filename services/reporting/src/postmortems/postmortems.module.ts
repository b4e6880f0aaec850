import { Module } from '@nestjs/common';
import { PostmortemController } from './postmortem.controller';
import { Postmortems } from './postmortems';

/** Blameless post-mortems: drafted, reviewed and published by analysts, generated from the history. */
@Module({ controllers: [PostmortemController], providers: [Postmortems] })
export class PostmortemsModule {}
