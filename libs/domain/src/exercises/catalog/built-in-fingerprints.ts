/**
 * The version and content fingerprint (sha256 of the exercise without its version, first 16 hex
 * digits) of every built-in exercise. The catalog test fails when content changes at the same
 * version: bump `version` in the catalog file, then record the fingerprint the test prints here.
 * Clinic copies remember the version they were made from and are offered the newer one.
 */
export const BUILT_IN_FINGERPRINTS: Readonly<Record<string, { version: number; content: string }>> = {
  'honest-check-in': {
    version: 2,
    content: '79a8c4fe9c38c7bc',
  },
  'weekly-trust-check-in': {
    version: 2,
    content: 'f297cc42c0f039fc',
  },
  'apology-that-lands': {
    version: 2,
    content: '730dd94c3eedbaa1',
  },
  'pacing-the-repair': {
    version: 2,
    content: '6b87ab46602d49e9',
  },
  'agreements-we-can-keep': {
    version: 2,
    content: '52814926bae0fbbb',
  },
  'small-promises-kept': {
    version: 2,
    content: '78f808f9e585aeb4',
  },
  'support-map': {
    version: 2,
    content: '8006fe549a6aad38',
  },
  'looking-back-to-move-forward': {
    version: 2,
    content: 'f8db70bc74bd523a',
  },
  'in-your-partners-shoes': {
    version: 2,
    content: '2d62b27964d1b1ae',
  },
  'everyday-openness': {
    version: 2,
    content: '18fe7e636f0551dd',
  },
  'listening-without-defending': {
    version: 2,
    content: 'aef5280c85a2f1d0',
  },
  'complaint-to-request': {
    version: 2,
    content: '076c9c19e9e0d3c5',
  },
  'my-growth-plan': {
    version: 2,
    content: '22f1b9f8f7610be0',
  },
  'planning-a-good-time': {
    version: 2,
    content: '30ef8c44344a3538',
  },
  'what-forgiveness-means': {
    version: 2,
    content: '4ad3980f716d981f',
  },
  'what-we-stand-for': {
    version: 2,
    content: 'd67806a543eed1e4',
  },
  'noticing-small-wins': {
    version: 2,
    content: '12f9275d8bcf7166',
  },
  'accountability-letter': {
    version: 1,
    content: 'c352406759f02675',
  },
  'impact-letter': {
    version: 1,
    content: 'aa698b0ef905d17e',
  },
  'trigger-plan': {
    version: 1,
    content: '794e40cd35cd8c10',
  },
  'transparency-agreement': {
    version: 1,
    content: '530222b4a4d67d0b',
  },
  'two-minute-check-in': {
    version: 1,
    content: '76dc5e6596a7c233',
  },
  'questions-for-session': {
    version: 1,
    content: 'cc132060c35afd6d',
  },
  'limits-on-talking-about-it': {
    version: 1,
    content: '06262622ef4668f9',
  },
  'caring-for-yourself': {
    version: 1,
    content: 'decbe063e95901c1',
  },
  'together-or-apart': {
    version: 1,
    content: '0ced7522191f70b5',
  },
};
