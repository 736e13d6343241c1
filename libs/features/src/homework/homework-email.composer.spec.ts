import { describe, expect, it } from '@jest/globals';
import type { HomeworkEmailFacts } from './homework-facts.sql';
import { renderHomeworkFacts } from './homework-email.composer';

const facts = (hadLink: boolean, neutral = false, gentle = false): HomeworkEmailFacts => ({
  response_id: 'r1',
  submitted_at: null,
  link_revoked_at: null,
  cancelled_at: null,
  title: 'Honest check-in',
  message: '',
  due_at: new Date('2026-12-05T15:00:00Z'),
  client_name: 'Sam Taylor',
  client_email: 'sam@example.test',
  client_timezone: 'America/New_York',
  email_consent: true,
  couple_status: 'active',
  clinic_name: 'Harbour Counselling',
  neutral_partner_emails: neutral,
  therapist_name: 'Dana Reyes',
  link_expires_at: new Date('2026-12-19T15:00:00Z'),
  had_link: hadLink,
  gentle_reminder: gentle,
});

const TOKEN = 'A'.repeat(43);
const render = (template: 'homework-link' | 'homework-reminder', hadLink: boolean) =>
  renderHomeworkFacts(facts(hadLink), template, 'before_due', TOKEN, 'https://trellis.example.test');

describe('partner homework emails say only what is true', () => {
  it('a "fresh link" to someone who never had one is their first homework email, not "your new link"', () => {
    const first = render('homework-link', false);
    expect(first.subject).toBe('Homework from Harbour Counselling: Honest check-in');
    expect(first.text).not.toMatch(/no longer work/);
    const fresh = render('homework-link', true);
    expect(fresh.subject).toBe('Your new link: Honest check-in');
    expect(fresh.text).toMatch(/Any earlier link for it no longer works/);
  });

  it('a reminder mentions earlier links only when there were some', () => {
    expect(render('homework-reminder', false).text).not.toMatch(/earlier links/);
    expect(render('homework-reminder', true).text).toMatch(/earlier links for this exercise no longer work/);
  });

  it('names the partner’s time zone with the due time', () => {
    expect(render('homework-reminder', true).text).toContain('Saturday 5 December, 10:00 New York time');
  });

  it('lets the copy-paste address wrap on a narrow screen', () => {
    expect(render('homework-link', true).html).toMatch(
      /<span style="word-break:break-all;overflow-wrap:anywhere">https:\/\/trellis\.example\.test\/h\/A{43}<\/span>/,
    );
  });
});

describe('the gentler reminder, for a partner who missed several in a row', () => {
  const gentle = (kind: string, neutral = false) =>
    renderHomeworkFacts(facts(true, neutral, true), 'homework-reminder', kind, TOKEN, 'https://trellis.example.test');

  it('is shorter, without a due date or "still waiting", before and after the due date', () => {
    for (const kind of ['before_due', 'overdue']) {
      const email = gentle(kind);
      expect(email.subject).toBe('When you have a moment: Honest check-in');
      expect(email.text).toContain('Hi Sam,');
      expect(email.text).toContain('is here when you have a few minutes');
      expect(email.text).not.toMatch(/due|waiting|too late|New York/i);
      expect(email.text.length).toBeLessThan(render('homework-reminder', true).text.length);
      expect(email.html).toContain(`/h/${TOKEN}`);
    }
  });

  it('stays neutral when the clinic chose neutral emails', () => {
    const email = gentle('overdue', true);
    expect(email.subject).toBe('A new message for you');
    expect(email.text).not.toMatch(/Honest check-in|moment/);
  });

  it('is only for reminders: the first homework email keeps its usual wording', () => {
    const email = renderHomeworkFacts(facts(false, false, true), 'homework-assigned', undefined, TOKEN, 'https://x');
    expect(email.subject).toBe('Homework from Harbour Counselling: Honest check-in');
  });
});

describe('neutral partner emails', () => {
  const revealing = /therap|counsel|homework|exercise|check-in|harbour|dana|reminder/i;
  it('give every homework email (assigned, fresh link, reminder, overdue) a neutral subject and sender', () => {
    for (const template of ['homework-assigned', 'homework-link', 'homework-reminder'] as const) {
      for (const kind of ['before_due', 'overdue']) {
        const email = renderHomeworkFacts(facts(true, true), template, kind, TOKEN, 'https://trellis.example.test');
        expect(email.subject).toBe('A new message for you');
        expect(email.fromName).toBe('Appointments');
        expect(`${email.subject} ${email.fromName}`).not.toMatch(revealing);
      }
    }
  });

  it('leave the usual subject and sender when the clinic has not chosen them', () => {
    const email = render('homework-reminder', true);
    expect(email.subject).toMatch(/^Reminder: Honest check-in/);
    expect(email.fromName).toBeUndefined();
  });
});
