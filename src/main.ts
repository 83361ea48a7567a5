// The Action: read the inputs and the event, run the mode, and report any failure as one line with
// core.setFailed. No business logic here (see src/action/modes.ts and the shared src/run layer).
import * as core from '@actions/core';
import { fatalLine } from './run/errors.js';
import { loadEventContext } from './github/event.js';
import { readInputs, secretsOf, type Mode } from './action/inputs.js';
import { driftMode } from './action/drift.js';
import type { ActionContext } from './action/io.js';
import { commentMode, jobOrg, orgsMode } from './action/orgs.js';
import {
  applyMode,
  doctorMode,
  inviteMode,
  planMode,
  validateMode,
  type ModeOptions,
} from './action/modes.js';

export interface RunOptions extends ModeOptions {
  /** The clock that decides "today" (training days, invites). Tests fix it. */
  now?: () => Date;
}

const MODES: Record<Mode, (context: ActionContext, options: ModeOptions) => Promise<void>> = {
  validate: validateMode,
  plan: planMode,
  apply: applyMode,
  invite: inviteMode,
  doctor: doctorMode,
  drift: driftMode,
  orgs: orgsMode,
  comment: commentMode,
};

export async function run(options: RunOptions = {}): Promise<void> {
  try {
    const env = process.env;
    const inputs = readInputs((name) => core.getInput(name), env);
    // Mask the secrets (the pool's too) as soon as they are known, even from environment variables.
    for (const secret of secretsOf(inputs.genesys)) core.setSecret(secret);
    const event = await loadEventContext(env);
    core.info(`gc-onboard ${inputs.mode} on ${event.rawEventName || 'a local run'} (${inputs.imports}).`);
    // With orgs.yml, a job works on one org: chosen before anything is read from any org.
    const orgs = await jobOrg(inputs.mode, inputs.imports, inputs.org);
    await MODES[inputs.mode](
      { inputs, event, env, now: options.now ?? (() => new Date()), ...orgs },
      options,
    );
  } catch (error) {
    // One readable line for the log and the annotation; the stack only with step debug logging on.
    if (error instanceof Error && error.stack) core.debug(error.stack);
    core.setFailed(fatalLine(error));
  }
}
