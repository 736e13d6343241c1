import type { DigestContent } from '@trellis/contracts';
import { renderDigestEmail } from './digest.template';

const content: DigestContent = {
  therapistName: 'Dana Reyes',
  clinicName: 'Harbour Counselling',
  periodLabel: '1 Dec – 7 Dec',
  couples: [
    {
      coupleId: 'c1',
      coupleName: 'Avery & Blake',
      completed: 2,
      overdue: 1,
      awaitingReview: 1,
      engagement: 'Avery missed 3 of the last 4; Blake did all',
      checkInWith: ['Avery'],
      notableScales: [{ partner: 'Avery', exercise: 'Check-in', prompt: 'How safe do you feel?', value: 2, max: 10 }],
    },
  ],
  submissions: [
    {
      assignmentId: 'a1',
      title: 'Honest talk',
      rows: [{ prompt: 'What happened?', partnerA: 'words only Avery wrote', partnerB: 'words only Blake wrote' }],
    },
  ],
  partnerNames: ['Avery', 'Blake'],
  sessionAt: '2026-12-08T10:00:00.000Z',
} as DigestContent;

const everything = (email: { subject: string; html: string; text: string }) =>
  `${email.subject}\n${email.html}\n${email.text}`;

describe('renderDigestEmail', () => {
  it.each(['weekly', 'pre_session'] as const)('%s, by default: totals and a link, no names and no answers', (kind) => {
    const all = everything(renderDigestEmail(content, kind, 'https://trellis.example/#/digests/1/show', 'counts'));
    for (const secret of ['Avery', 'Blake', 'words only', 'How safe do you feel?']) expect(all).not.toContain(secret);
    expect(all).toContain('https://trellis.example/#/digests/1/show');
  });

  it('with names: the couples and their totals, still no answers', () => {
    const all = everything(renderDigestEmail(content, 'weekly', 'https://trellis.example', 'names'));
    expect(all).toContain('Avery &amp; Blake');
    for (const secret of ['words only', 'How safe do you feel?']) expect(all).not.toContain(secret);
  });

  it('with answers: both partners side by side and the notable scales', () => {
    const all = everything(renderDigestEmail(content, 'pre_session', 'https://trellis.example', 'answers'));
    expect(all).toContain('words only Avery wrote');
    expect(all).toContain('words only Blake wrote');
    expect(all).toContain('How safe do you feel?');
  });

  describe('partners by engagement (weekly)', () => {
    it('by default: how many partners to check in with and a link, naming nobody', () => {
      const all = everything(
        renderDigestEmail(content, 'weekly', 'https://t.example/#/digests/1/show', 'counts', 'https://t.example'),
      );
      expect(all).toContain('1 partner has missed several homeworks in a row.');
      expect(all).toContain('See who to check in with on your home screen: https://t.example/#/');
      for (const secret of ['Avery', 'Blake', 'missed 3']) expect(all).not.toContain(secret);
    });

    it('with names: each couple’s partners by engagement instead of the old counts, and who to check in with', () => {
      const email = renderDigestEmail(content, 'weekly', 'https://t.example', 'names', 'https://t.example');
      expect(email.text).toContain('Avery & Blake: Avery missed 3 of the last 4; Blake did all; 1 awaiting review');
      expect(email.text).toContain(
        '- Check in with Avery (Avery & Blake): Avery missed 3 of the last 4; Blake did all',
      );
      expect(email.html).toContain(
        '<th style="border:1px solid #ddd;padding:6px;text-align:left;vertical-align:top">Homework</th>',
      );
      expect(email.html).not.toContain('>Completed<');
      for (const secret of ['words only', 'How safe do you feel?'])
        expect(`${email.html}${email.text}`).not.toContain(secret);
    });

    it('keeps the old counts for a digest made before engagement, and says nothing when nobody needs a check-in', () => {
      const old = {
        ...content,
        couples: content.couples.map(({ engagement: _e, checkInWith: _c, ...line }) => line),
      } as DigestContent;
      const email = renderDigestEmail(old, 'weekly', 'https://t.example', 'names', 'https://t.example');
      expect(email.text).toContain('Avery & Blake: 2 completed, 1 overdue; 1 awaiting review');
      expect(email.text).not.toContain('Check in with');
      expect(renderDigestEmail(old, 'weekly', 'https://t.example', 'counts').text).not.toContain('in a row');
    });

    it('leaves the check-ins out of a pre-session digest', () => {
      expect(renderDigestEmail(content, 'pre_session', 'https://t.example', 'names').text).not.toContain(
        'Check in with',
      );
    });
  });

  describe('off-track couples (weekly)', () => {
    const withOffTrack: DigestContent = {
      ...content,
      offTrack: [
        { coupleId: 'c1', coupleName: 'Avery & Blake' },
        { coupleId: 'c2', coupleName: 'Casey & Drew' },
      ],
    };

    it('by default: how many, and a link to the home screen, naming nobody', () => {
      const all = everything(
        renderDigestEmail(withOffTrack, 'weekly', 'https://t.example/#/digests/1/show', 'counts', 'https://t.example'),
      );
      expect(all).toContain('2 couples are off track on their check-ins.');
      expect(all).toContain('https://t.example/#/');
      for (const secret of ['Avery', 'Casey', 'couples/c1']) expect(all).not.toContain(secret);
    });

    it('with names: each couple links to its Progress tab', () => {
      const all = everything(
        renderDigestEmail(withOffTrack, 'weekly', 'https://t.example/#/digests/1/show', 'names', 'https://t.example'),
      );
      expect(all).toContain('<a href="https://t.example/#/couples/c1/show/progress">Avery &amp; Blake</a>');
      expect(all).toContain('- Casey & Drew: https://t.example/#/couples/c2/show/progress');
    });

    it('says when none is, and a pre-session digest leaves it out', () => {
      const none = { ...content, offTrack: [] };
      expect(
        everything(renderDigestEmail(none, 'weekly', 'https://t.example', 'counts', 'https://t.example')),
      ).toContain('No couple is off track on their check-ins.');
      const pre = everything(
        renderDigestEmail(withOffTrack, 'pre_session', 'https://t.example', 'names', 'https://t.example'),
      );
      expect(pre).not.toContain('off track');
    });
  });
});
