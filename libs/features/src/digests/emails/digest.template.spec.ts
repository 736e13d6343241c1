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
