import { passwordProblem } from './password-policy';

const person = { email: 'dana.reyes@clinic.test', name: 'Dana Reyes' };

describe('passwordProblem', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblem('harbour lantern orbit violet', person)).toBeNull();
  });
  it('refuses short passwords with the minimum in the message', () => {
    expect(passwordProblem('Sh0rt!pass', person)).toMatch(/at least 12 characters/);
  });
  it('refuses the most common passwords and repeated characters', () => {
    expect(passwordProblem('Password1234', person)).toMatch(/most common/);
    expect(passwordProblem('aaaaaaaaaaaaaaaa', person)).toMatch(/most common/);
  });
  it("refuses passwords containing the person's name or email", () => {
    expect(passwordProblem('dana.reyes-is-great', person)).toMatch(/name or email/);
    expect(passwordProblem('my name is reyes!!', person)).toMatch(/name or email/);
  });
  it('refuses overly long input', () => {
    expect(passwordProblem('x'.repeat(300) + 'abc', person)).toMatch(/at most 256/);
  });
});
