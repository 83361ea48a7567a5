// A workflow file as a runner reads it, for tests that run its gc-onboard steps in process: the
// jobs, and each step's `with:` resolved the way a runner resolves ${{ ... }} expressions.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

export type Context = Record<string, string | boolean | undefined>;
export type Contexts = Record<string, Context>;

export interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
export interface Job {
  needs?: string | string[];
  if?: string;
  environment?: string;
  strategy?: { matrix?: { include?: string } };
  outputs?: Record<string, string>;
  steps: Step[];
}
export interface Workflow {
  jobs: Record<string, Job>;
}

/**
 * The subset of GitHub's expression language the templates' `with:` values use:
 * `a.b || 'literal' || false`. `||` gives the first truthy operand (else the last), as on a runner.
 * Anything else throws, so a template that starts using more fails here instead of being tested wrongly.
 */
export function evaluate(expression: string, contexts: Contexts): string {
  let value: string | boolean | undefined;
  for (const operand of expression.split('||').map((part) => part.trim())) {
    const reference = /^([a-z]+)\.([A-Za-z0-9_-]+)$/.exec(operand);
    if (/^'[^']*'$/.test(operand)) value = operand.slice(1, -1);
    else if (operand === 'true' || operand === 'false') value = operand === 'true';
    else if (reference && contexts[reference[1]!]) value = contexts[reference[1]!]![reference[2]!];
    else throw new Error(`unsupported expression "${expression}"`);
    if (value) break;
  }
  return value === undefined ? '' : String(value);
}

export const resolve = (value: unknown, contexts: Contexts) =>
  String(value).replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => evaluate(expression, contexts));

export async function readWorkflow(file: string): Promise<Workflow> {
  return parse(await readFile(file, 'utf8')) as Workflow;
}

/** The inputs a job's step that `uses` this action passes, as the runner would resolve them. */
export function stepInputs(job: Job, uses: string, contexts: Contexts): Record<string, string> {
  const steps = job.steps.filter((step) => step.uses === uses);
  if (steps.length !== 1) throw new Error(`expected one step using ${uses}, found ${steps.length}`);
  return Object.fromEntries(
    Object.entries(steps[0]!.with ?? {}).map(([key, value]) => [key, resolve(value, contexts)]),
  );
}
