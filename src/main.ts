// The Action: read the inputs and the event, run the mode, and report any failure as one line with
// core.setFailed. No business logic here (see src/action/modes.ts and the shared src/run layer).
import * as core from '@actions/core';
import { fatalLine } from './run/errors.js';
import { loadEventContext } from './github/event.js';
import { readInputs, type Mode } from './action/inputs.js';
import type { ActionContext } from './action/io.js';
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
};

export async function run(options: RunOptions = {}): Promise<void> {
  try {
    const env = process.env;
    const inputs = readInputs((name) => core.getInput(name), env);
    // Mask the secret as soon as it is known, even when it came from an environment variable.
    if (inputs.genesys.GENESYSCLOUD_OAUTHCLIENT_SECRET)
      core.setSecret(inputs.genesys.GENESYSCLOUD_OAUTHCLIENT_SECRET);
    const event = await loadEventContext(env);
    core.info(`gc-onboard ${inputs.mode} on ${event.rawEventName || 'a local run'} (${inputs.imports}).`);
    await MODES[inputs.mode]({ inputs, event, env, now: options.now ?? (() => new Date()) }, options);
  } catch (error) {
    // One readable line for the log and the annotation; the stack only with step debug logging on.
    if (error instanceof Error && error.stack) core.debug(error.stack);
    core.setFailed(fatalLine(error));
  }
}
