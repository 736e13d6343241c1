import { Module } from '@nestjs/common';
import { FixedWindowLimiter } from '../auth/fixed-window-limiter';
import { CouplesModule } from '../couples/couples.module';
import { AgreementReviewLinksService } from './agreement-review-links.service';
import { AgreementReviewsController } from './agreement-reviews.controller';
import { AgreementsController } from './agreements.controller';
import { AgreementsRepository } from './agreements.repository';
import { AgreementsService } from './agreements.service';

/** The HTTP side of agreements: the therapist's list, grid and rhythm, and the partner's weekly review. */
@Module({
  imports: [CouplesModule],
  controllers: [AgreementsController, AgreementReviewsController],
  providers: [AgreementsService, AgreementsRepository, AgreementReviewLinksService, FixedWindowLimiter],
})
export class AgreementsModule {}
