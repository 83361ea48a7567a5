// The child process of `npm run soak`: what `gc-onboard apply` does, and nothing more. Connects to the
// sandbox URL in argv, loads the imports folder, reads the snapshot, plans and applies; reports its
// figures to the parent over IPC; exit code 0 when every row is done, 1 when a row failed, 2 on a
// crash. The parent SIGKILLs it at seeded points and runs it again until it converges.
//
//   node --import tsx bench/soak-worker.ts URL IMPORTS_DIR

import { main, runWorker } from './worker.js';

await main(runWorker);
