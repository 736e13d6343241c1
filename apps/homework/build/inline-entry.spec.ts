import { describe, expect, it } from '@jest/globals';
import { inlineEntry } from './inline-entry';

type Bundle = Record<string, Record<string, unknown>>;

const page = (body: string) => ({
  type: 'asset',
  fileName: 'index.html',
  source: `<html><head>${body}</head><body></body></html>`,
});
const entry = (code: string, extra: Record<string, unknown> = {}) => ({
  type: 'chunk',
  isEntry: true,
  fileName: 'assets/index-abc.js',
  code,
  imports: [],
  dynamicImports: [],
  ...extra,
});
const SCRIPT_TAG = '<script type="module" crossorigin src="/h/assets/index-abc.js"></script>';
const STYLE_TAG = '<link rel="stylesheet" crossorigin href="/h/assets/index-def.css">';

/** Runs the plugin's generateBundle as Vite would; `this.error` throws like Rollup's. */
function generate(bundle: Bundle): Bundle {
  const plugin = inlineEntry() as unknown as {
    generateBundle: (this: unknown, options: unknown, bundle: Bundle) => void;
  };
  plugin.generateBundle.call(
    {
      error: (message: string) => {
        throw new Error(message);
      },
    },
    {},
    bundle,
  );
  return bundle;
}

describe('inlineEntry', () => {
  it('puts the entry script and the stylesheet inside index.html and drops their files', () => {
    const bundle = generate({
      'index.html': page(SCRIPT_TAG + STYLE_TAG),
      'assets/index-abc.js': entry('console.log(1);\n'),
      'assets/index-def.css': { type: 'asset', fileName: 'assets/index-def.css', source: 'p{color:red}\n' },
    });
    expect(bundle['index.html'].source).toBe(
      '<html><head><script type="module">console.log(1);</script><style>p{color:red}</style></head><body></body></html>',
    );
    expect(Object.keys(bundle)).toEqual(['index.html']);
  });

  it.each(['</script>', '<!--', '\r', '\0'])(
    'refuses an entry containing %j rather than ship a page that breaks',
    (text: string) => {
      expect(() =>
        generate({ 'index.html': page(SCRIPT_TAG), 'assets/index-abc.js': entry(`const s = "${text}";`) }),
      ).toThrow(/contains/);
    },
  );

  it('refuses an entry that imports other chunks (their relative paths would break inline)', () => {
    expect(() =>
      generate({
        'index.html': page(SCRIPT_TAG),
        'assets/index-abc.js': entry('import "./x.js";', { imports: ['assets/x.js'] }),
      }),
    ).toThrow(/imports other chunks/);
    expect(() =>
      generate({
        'index.html': page(SCRIPT_TAG),
        'assets/index-abc.js': entry('import("./y.js");', { dynamicImports: ['assets/y.js'] }),
      }),
    ).toThrow(/imports other chunks/);
  });

  it('fails the build when index.html does not load the entry', () => {
    expect(() => generate({ 'index.html': page(''), 'assets/index-abc.js': entry('1') })).toThrow(/does not load/);
  });
});
