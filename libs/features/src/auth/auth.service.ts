import { Injectable } from '@nestjs/common';
import type { SessionUser } from '@trellis/contracts';
import { StaffUser } from '@trellis/data';
import { hashPassword, verifyPassword } from './password-hasher';
import { StaffAccountsRepository } from './staff-accounts.repository';

function sessionUserOf(staff: StaffUser): SessionUser {
  return { id: staff.id, email: staff.email, name: staff.name, role: staff.role, clinicId: staff.clinicId };
}

@Injectable()
export class AuthService {
  // Verified against when the email is unknown, so a wrong email costs the same time as a wrong
  // password and timing does not reveal who has an account.
  private readonly decoyHash = hashPassword('decoy password that never matches anything');

  constructor(private readonly accounts: StaffAccountsRepository) {}

  /** The staff member for these credentials, or null (unknown email, wrong password, not active). */
  async verifyCredentials(email: string, password: string): Promise<SessionUser | null> {
    const staff = await this.accounts.findByEmailWithPasswordHash(email.trim().toLowerCase());
    const matches = await verifyPassword(staff?.passwordHash ?? (await this.decoyHash), password);
    if (!staff || !staff.passwordHash || !matches || staff.status !== 'active') return null;
    return sessionUserOf(staff);
  }

  /** Clinic of a known email (for auditing a failed sign-in), without revealing it to the caller. */
  async clinicOfEmail(email: string): Promise<{ clinicId: string; id: string } | null> {
    const staff = await this.accounts.findByEmail(email.trim().toLowerCase());
    return staff ? { clinicId: staff.clinicId, id: staff.id } : null;
  }

  /** The staff member with this id if their account is active, else null (deactivated or removed). */
  async activeUser(id: string): Promise<SessionUser | null> {
    const staff = await this.accounts.findActive(id);
    return staff ? sessionUserOf(staff) : null;
  }
}
