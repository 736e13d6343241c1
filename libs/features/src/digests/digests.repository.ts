import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DigestContent, DigestEmailDetail, DigestKind } from '@trellis/contracts';
import { Clinic, Digest, StaffUser } from '@trellis/data';

export interface NewDigest {
  clinicId: string;
  therapistId: string;
  kind: DigestKind;
  coupleId: string | null;
  periodStart: Date;
  periodEnd: Date;
  content: DigestContent;
}

export interface DigestPage {
  order: 'ASC' | 'DESC';
  skip: number;
  take: number;
}

/**
 * The digest aggregate (a digest as emailed and kept for reading): where its SQL lives. The
 * worker stores digests; the API reads a therapist's own.
 */
@Injectable()
export class DigestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page of the therapist's digests by creation time, and how many they have in all. */
  async pageForTherapist(
    clinicId: string,
    therapistId: string,
    page: DigestPage,
  ): Promise<{ digests: Digest[]; total: number }> {
    const [digests, total] = await Promise.all([
      this.dataSource.getRepository(Digest).find({
        where: { therapistId, clinicId },
        order: { createdAt: page.order },
        skip: page.skip,
        take: page.take,
      }),
      this.dataSource.getRepository(Digest).count({ where: { therapistId, clinicId } }),
    ]);
    return { digests, total };
  }

  findForTherapist(clinicId: string, therapistId: string, digestId: string): Promise<Digest | null> {
    return this.dataSource.getRepository(Digest).findOneBy({ id: digestId, therapistId, clinicId });
  }

  /** Where the couple's last pre-session digest ended; null before their first. */
  async lastPreSessionEnd(coupleId: string): Promise<Date | null> {
    const [previous] = await this.dataSource
      .getRepository(Digest)
      .find({ where: { coupleId, kind: 'pre_session' }, order: { periodEnd: 'DESC' }, take: 1 });
    return previous?.periodEnd ?? null;
  }

  /** Stores the digest once (a retried job finds the one it stored) and returns its id. */
  async storeOnce(manager: EntityManager, digest: NewDigest): Promise<string> {
    const { clinicId, therapistId, kind, coupleId, periodStart, periodEnd, content } = digest;
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO digest (clinic_id, therapist_id, kind, couple_id, period_start, period_end, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (therapist_id, kind, coalesce(couple_id, '00000000-0000-0000-0000-000000000000'::uuid), period_end) DO NOTHING
       RETURNING id`,
      [clinicId, therapistId, kind, coupleId, periodStart, periodEnd, JSON.stringify(content)],
    );
    return (
      inserted[0]?.id ??
      (
        await manager.findOneByOrFail(Digest, {
          therapistId,
          kind,
          periodEnd,
          ...(coupleId ? { coupleId } : {}),
        })
      ).id
    );
  }

  /** A digest by id, inside the send's transaction. */
  findById(manager: EntityManager, digestId: string): Promise<Digest | null> {
    return manager.findOneBy(Digest, { id: digestId });
  }

  /** The digest's therapist, only while they are still active (a digest never goes to a leaver). */
  activeTherapist(manager: EntityManager, therapistId: string): Promise<StaffUser | null> {
    return manager.findOneBy(StaffUser, { id: therapistId, status: 'active' });
  }

  /** How much of the homework the clinic allows in a digest email. */
  async emailDetail(manager: EntityManager, clinicId: string): Promise<DigestEmailDetail> {
    const clinic = await manager.findOneByOrFail(Clinic, { id: clinicId });
    return clinic.digestEmailDetail;
  }
}
