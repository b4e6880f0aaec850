import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReportsModule } from '../reports/reports.module';
import { InboundMail } from './inbound-mail';
import { InboundController } from './inbound.controller';
import { InboundMessages } from './inbound-message';
import { ReportComments } from './report-comments';
import { InboundSlack } from './slack/inbound-slack';
import { SlackController } from './slack/slack.controller';
import { SlackModule } from './slack/slack.module';
import { InboundTeams } from './teams/inbound-teams';
import { TeamsController } from './teams/teams.controller';
import { TeamsModule } from './teams/teams.module';
import { PeriodsModule } from '../periods/periods.module';

@Module({
  imports: [ReportsModule, NotificationsModule, PeriodsModule, SlackModule, TeamsModule, AttachmentsModule],
  controllers: [InboundController, SlackController, TeamsController],
  providers: [InboundMail, InboundMessages, ReportComments, InboundSlack, InboundTeams],
})
export class ChannelsModule {}
