/**
 * Passwords that top every published breach list, lower-cased. Not exhaustive (the full lists are
 * millions long and need a network look-up); with the length rule it stops the guesses attackers
 * try first.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456789012', '1234567890123', 'qwertyuiopas', 'password1234', 'password12345', 'passwordpassword',
  'iloveyou1234', 'qwerty123456', '111111111111', '000000000000', '123123123123', 'abc123456789',
  'letmein12345', 'welcome12345', 'welcome123456', 'changeme1234', 'administrator', 'password123!',
  'p@ssw0rd1234', 'p@ssword1234', 'trustno1trustno1', 'football1234', 'baseball1234', 'sunshine1234',
  'princess1234', 'monkey123456', 'dragon123456', 'master123456', 'superman1234', 'starwars1234',
  'qwerty12345678', 'asdfghjkl123', 'zaq12wsxcde3', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'qazwsxedcrfv',
  'correcthorsebatterystaple', 'correct horse battery staple', 'therapist1234', 'counselling123',
  'counseling123', 'trellis12345', 'trellis123456', 'clinic123456', 'summer202020', 'winter202020',
  'password2024', 'password2025', 'password2026', 'passw0rd1234', 'mypassword123', 'secret123456',
  'abcdefghijkl', 'abcd12345678', 'aaaaaaaaaaaa', 'qwertyqwerty', 'iloveyouiloveyou', 'letmeinletmein',
]);
