import type { CoupleView } from '@trellis/contracts';
import { Client, Couple } from '@trellis/data';

export function toCoupleView(couple: Couple, partners: Client[], therapistName: string): CoupleView {
  return {
    id: couple.id,
    displayName: couple.displayName,
    therapistId: couple.therapistId,
    therapistName,
    status: couple.status,
    nextSessionAt: couple.nextSessionAt?.toISOString() ?? null,
    lastActivityAt: couple.lastActivityAt.toISOString(),
    createdAt: couple.createdAt.toISOString(),
    partners: partners
      .sort((a, b) => a.position - b.position)
      .map((p) => ({ id: p.id, position: p.position, name: p.name, email: p.email, timezone: p.timezone, emailConsent: p.emailConsent })),
  };
}
