import { renderStaffInvitation } from './staff-invitation.template';

describe('email layout', () => {
  const email = renderStaffInvitation({
    clinicName: 'Harbour <Clinic>',
    inviteeName: 'Sam "the" O\'Neil',
    inviterName: 'Ada',
    role: 'therapist',
    acceptUrl: 'https://trellis.example/accept#token=abc&x=1',
    expiresInHours: 72,
  });

  it('escapes every interpolated value in the HTML part', () => {
    expect(email.html).toContain('Harbour &lt;Clinic&gt;');
    expect(email.html).toContain('Sam &quot;the&quot; O&#39;Neil');
    expect(email.html).not.toContain('<Clinic>');
    expect(email.html).toContain('href="https://trellis.example/accept#token=abc&amp;x=1"');
  });

  it('has a plain-text part with the same words and the link spelled out', () => {
    expect(email.text).toContain('Harbour <Clinic>');
    expect(email.text).toContain('Set your password: https://trellis.example/accept#token=abc&x=1');
    expect(email.text).not.toContain('<p');
  });
});
