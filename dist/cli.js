import { createRequire as __gcCreateRequire } from 'node:module'; const require = __gcCreateRequire(import.meta.url);

// src/cli.ts
console.log("gc-onboard CLI: under construction");
