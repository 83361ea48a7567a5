// Placeholder until the Action issue lands: the Action entry point.
import * as core from '@actions/core';

export async function run(): Promise<void> {
  await Promise.resolve();
  core.setFailed('gc-onboard: the Action is not wired up yet; use the CLI.');
}
