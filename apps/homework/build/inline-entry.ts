import type { Plugin } from 'vite';

/**
 * Puts the page's entry script and stylesheet inside index.html.
 *
 * The page is opened from an emailed link, usually on a phone, usually for the first time: with the
 * script in its own file the browser needs three round trips one after another (page, script, the
 * API call the script makes) before it can greet anyone, and on a slow mobile network each costs
 * about half a second. Inlined, the page and its ~11 kB of gzip'd code arrive together. The API
 * allows this one script by its SHA-256 in the page's Content-Security-Policy (apps/api static
 * sites), so `script-src` still forbids any other inline script.
 */
export function inlineEntry(): Plugin {
  return {
    name: 'trellis:inline-entry',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const page = bundle['index.html'];
      if (!page || page.type !== 'asset') return this.error('inline-entry: no index.html in the bundle');
      let html = String(page.source);
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.isEntry) {
          // An inlined module's relative imports would resolve against /h/<token>, not /h/assets/.
          if (file.imports.length > 0 || file.dynamicImports.length > 0) {
            return this.error(
              `inline-entry: ${file.fileName} imports other chunks; inline only a self-contained entry`,
            );
          }
          // Text inside <script> ends at the first "</script" ("<!--" can make the parser skip it),
          // and the browser hashes the script after turning CR into LF: refuse any of them rather
          // than ship a page that breaks or whose hash does not match.
          const unsafe = ['</script', '<!--', '\r', '\0'].find((text) => file.code.toLowerCase().includes(text));
          if (unsafe) return this.error(`inline-entry: ${file.fileName} contains ${JSON.stringify(unsafe)}`);
          const tag = new RegExp(
            `<script type="module" crossorigin src="[^"]*/${escapeRegExp(file.fileName)}"></script>`,
          );
          if (!tag.test(html)) return this.error(`inline-entry: index.html does not load ${file.fileName}`);
          html = html.replace(tag, () => `<script type="module">${file.code.trimEnd()}</script>`);
          delete bundle[file.fileName];
        } else if (file.type === 'asset' && file.fileName.endsWith('.css')) {
          const css = String(file.source);
          if (/<\/style/i.test(css)) return this.error(`inline-entry: ${file.fileName} contains "</style"`);
          const tag = new RegExp(`<link rel="stylesheet" crossorigin href="[^"]*/${escapeRegExp(file.fileName)}">`);
          if (!tag.test(html)) continue;
          html = html.replace(tag, () => `<style>${css.trimEnd()}</style>`);
          delete bundle[file.fileName];
        }
      }
      page.source = html;
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
