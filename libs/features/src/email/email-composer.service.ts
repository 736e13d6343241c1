import { Inject, Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { EntityManager } from 'typeorm';
import type { EmailTemplateName } from '@trellis/contracts';
import { AppConfig } from '@trellis/config';
import { EmailDelivery } from '@trellis/data';
import type { ComposedEmail, EmailComposerFn } from './composed-email';
import { EmailDeliveriesRepository } from './email-deliveries.repository';
import type { LinkSecret } from './link-secrets.repository';
import { renderSmtpCheck } from './emails/smtp-check.template';
import { APP_CONFIG } from '../config/config.tokens';
import { composeDigestEmail } from '../digests/digest-email.composer';
import { composeHomeworkEmail, composeHomeworkReplyEmail } from '../homework/homework-email.composer';
import { HomeworkEmailRepository } from '../homework/homework-email.repository';
import { DigestsRepository } from '../digests/digests.repository';
import { composeStaffLinkEmail } from '../auth/staff-link-email.composer';
import { AccountLinksRepository } from '../auth/account-links.repository';
import { composeCheckInEmail } from '../check-ins/check-in-email.composer';
import { CheckInsRepository } from '../check-ins/check-ins.repository';
import { composeSafetyAlertEmail } from '../safety/safety-alert-email.composer';
import { SafetyRepository } from '../safety/safety.repository';
import { composeSessionInvitationEmail, composeSessionReminderEmail } from '../sessions/session-notice-email.composer';
import { SessionNoticesRepository } from '../sessions/session-notices.repository';
import { composeAgreementConfirmationEmail } from '../agreements/agreement-confirmation-email.composer';
import { composeAgreementReviewEmail } from '../agreements/agreement-review-email.composer';
import { AgreementsRepository } from '../agreements/agreements.repository';

type Composer = EmailComposerFn;

/**
 * Turns a ledger row (template + record ids) into a message, reading names and addresses from
 * PostgreSQL at send time: job payloads never carry them. Returns null when the email should no
 * longer go out (the person left, the record is gone).
 */
@Injectable()
export class EmailComposer {
  private readonly composers: Partial<Record<EmailTemplateName, Composer>> = {
    'smtp-check': (delivery, manager) => this.composeSmtpCheck(delivery, manager),
    'staff-invitation': (delivery, manager, link) => this.staffLink(delivery, manager, link),
    'password-reset': (delivery, manager, link) => this.staffLink(delivery, manager, link),
    'homework-assigned': (delivery, manager, link) => this.homework(delivery, manager, link),
    'homework-link': (delivery, manager, link) => this.homework(delivery, manager, link),
    'homework-reminder': (delivery, manager, link) => this.homework(delivery, manager, link),
    'homework-reply': (delivery, manager, link) =>
      composeHomeworkReplyEmail(delivery, manager, link, this.config.http.publicUrl, this.homeworkEmails),
    'weekly-digest': (delivery, manager) => this.digest(delivery, manager),
    'pre-session-digest': (delivery, manager) => this.digest(delivery, manager),
    'check-in': (delivery, manager, link) =>
      composeCheckInEmail(delivery, manager, link, this.config.http.publicUrl, this.checkIns),
    'safety-alert': (delivery, manager) =>
      composeSafetyAlertEmail(delivery, manager, this.config.http.publicUrl, this.safety),
    'session-invitation': (delivery, manager) =>
      composeSessionInvitationEmail(delivery, manager, this.config.mail.from, this.sessionNotices),
    'session-reminder': (delivery, manager) =>
      composeSessionReminderEmail(delivery, manager, this.config.mail.from, this.sessionNotices),
    'agreement-review': (delivery, manager, link) =>
      composeAgreementReviewEmail(delivery, manager, link, this.config.http.publicUrl, this.agreements),
    'agreement-confirmation': (delivery, manager, link) =>
      composeAgreementConfirmationEmail(delivery, manager, link, this.config.http.publicUrl, this.agreements),
  };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly homeworkEmails: HomeworkEmailRepository,
    private readonly digests: DigestsRepository,
    private readonly deliveries: EmailDeliveriesRepository,
    private readonly accountLinks: AccountLinksRepository,
    private readonly checkIns: CheckInsRepository,
    private readonly safety: SafetyRepository,
    private readonly sessionNotices: SessionNoticesRepository,
    private readonly agreements: AgreementsRepository,
  ) {}

  private staffLink(delivery: EmailDelivery, manager: EntityManager, link: LinkSecret) {
    return composeStaffLinkEmail(delivery, manager, link, this.config.http.publicUrl, this.accountLinks);
  }

  private homework(delivery: EmailDelivery, manager: EntityManager, link: LinkSecret) {
    return composeHomeworkEmail(delivery, manager, link, this.config.http.publicUrl, this.homeworkEmails);
  }

  private digest(delivery: EmailDelivery, manager: EntityManager) {
    return composeDigestEmail(delivery, manager, this.config.http.publicUrl, this.digests);
  }

  async compose(delivery: EmailDelivery, manager: EntityManager, link: LinkSecret): Promise<ComposedEmail | null> {
    const composer = this.composers[delivery.template];
    if (!composer) throw new UnrecoverableError(`No composer for email template "${delivery.template}"`);
    return composer(delivery, manager, link);
  }

  private async composeSmtpCheck(delivery: EmailDelivery, manager: EntityManager): Promise<ComposedEmail | null> {
    const recipient = await this.deliveries.staffRecipient(manager, delivery.subjectIds.staffUserId, delivery.clinicId);
    if (!recipient) return null;
    return { to: recipient.email, ...renderSmtpCheck({ clinicName: recipient.clinicName, sentAt: new Date() }) };
  }
}
