// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) with shared chunks.
// The createRequire banner lets CommonJS dependencies (the Genesys SDK, tunnel) call require() inside ESM.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

// --outdir DIR builds elsewhere (the check-dist test compares a fresh build with the committed dist/).
const flag = process.argv.indexOf('--outdir');
const outdir = flag > 0 ? process.argv[flag + 1] : 'dist';

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' },
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);",
  },
});
