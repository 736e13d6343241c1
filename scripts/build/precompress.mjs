// The last step of both front ends' build (their project.json): writes a gzip and a brotli copy
// next to every text file of the build, which the API serves as-is (@fastify/static
// `preCompressed`) to browsers that accept them. Compressing once at build time costs nothing per
// request, and on a slow phone connection the homework page (36 KB with its inline script) arrives as 13 KB.
// Usage: node scripts/build/precompress.mjs <build directory>
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;
// Below this, compression saves less than the encoding header costs.
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node scripts/build/precompress.mjs <build directory>');
  process.exit(2);
}
let written = 0;
for (const path of [...files(outDir)]) {
  if (!COMPRESSIBLE.test(path) || statSync(path).size < MIN_BYTES) continue;
  const content = readFileSync(path);
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  written += 1;
}
console.log(`precompressed ${written} file(s) in ${outDir} (gzip and brotli)`);
