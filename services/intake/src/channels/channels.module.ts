import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReportsModule } from '../reports/reports.module';
import { InboundMail } from './inbound-mail';
import { InboundMailController } from './inbound-mail.controller';

@Module({
  imports: [ReportsModule, NotificationsModule],
  controllers: [InboundMailController],
  providers: [InboundMail],
})
export class ChannelsModule {}
