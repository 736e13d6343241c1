import { AuditEvent } from './audit-event.entity';
import { AuthToken } from './auth-token.entity';
import { Clinic } from './clinic.entity';
import { EmailDelivery } from './email-delivery.entity';
import { OutboxMessage } from './outbox-message.entity';
import { StaffRecoveryCode } from './staff-recovery-code.entity';
import { StaffUser } from './staff-user.entity';

export type { AuthTokenPurpose } from './auth-token.entity';
export { AuditEvent, AuthToken, Clinic, EmailDelivery, OutboxMessage, StaffRecoveryCode, StaffUser };

/** Every entity, for the DataSource and for Nest's TypeOrmModule. */
export const ENTITIES = [Clinic, StaffUser, OutboxMessage, EmailDelivery, AuditEvent, AuthToken, StaffRecoveryCode];
