import { runDemo } from '../src/cli/demo.js';
const code = await runDemo({ stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), env: process.env, now: () => new Date(), interrupted: () => new Promise(() => {}) });
console.log('exit', code);
