import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FirmConsoleModule } from '../firm-console/firm-console.module';
import {
  CalendarFeedController,
  PublicCalendarController,
} from './calendar-feeds.controller';
import { CalendarFeedsService } from './calendar-feeds.service';
import { CalendarFeedEntity } from './entities/calendar-feed.entity';

/** Secret ICS feeds of deadlines and OFII appointments, one per user. */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarFeedEntity]), FirmConsoleModule],
  controllers: [CalendarFeedController, PublicCalendarController],
  providers: [CalendarFeedsService],
})
export class CalendarFeedsModule {}
