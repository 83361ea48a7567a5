// Several orgs (imports/orgs.yml) in the Action: the org a job works on, the `orgs` mode that gives
// the workflows their matrix and stages, and the `comment` mode that gathers each org's preview
// section into the one sticky comment.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { MAX_STAGES } from '../csv/orgs.js';
import type { OrgSpec, OrgsConfig } from '../csv/types.js';
import { composeOrgsComment, sectionFileName, type OrgSection } from '../render/sections.js';
import { todayIn } from '../invite/invite.js';
import { openOrg, type OrgSession } from '../run/org.js';
import { chooseOrg, readOrgs } from '../run/orgs.js';
import type { Mode } from './inputs.js';
import { postComment, setOutputs, type ActionContext } from './io.js';
import { PREVIEW_MARKER } from './report.js';

/** Today where the job's training days are: the timezone input, else the org's (orgs.yml), else UTC. */
export const jobToday = (context: ActionContext) =>
  todayIn(context.inputs.timezone ?? context.org?.timezone ?? 'UTC', context.now());

/** `{ org }` for the shared run functions: only this org's batches. */
export const orgRun = (context: ActionContext) => (context.org ? { org: context.org.name } : {});

/** Runs `work` with the job's org open (its orgs.yml settings and genesys_org check applied), then closes it. */
export async function withOrg<T>(context: ActionContext, work: (org: OrgSession) => Promise<T>): Promise<T> {
  const org = await openOrg({
    env: { ...context.inputs.genesys },
    onToken: (token) => core.setSecret(token),
    ...(context.org ? { org: context.org } : {}),
  });
  core.info(`Connected to Genesys Cloud at ${org.target}.`);
  try {
    return await work(org);
  } finally {
    await org.close();
  }
}

/** Modes that talk to one org: with orgs.yml they need the org input. */
const ORG_MODES: ReadonlySet<Mode> = new Set(['plan', 'apply', 'invite', 'doctor', 'drift']);

/**
 * orgs.yml and the org this job works on. Modes that talk to an org must name one when orgs.yml
 * exists; validate may (then it checks that org's batches). Throws OrgChoiceError otherwise.
 */
export async function jobOrg(
  mode: Mode,
  imports: string,
  name: string | undefined,
): Promise<{ orgs?: OrgsConfig; org?: OrgSpec }> {
  if (!ORG_MODES.has(mode) && (mode !== 'validate' || name === undefined)) return {};
  const orgs = await readOrgs(imports);
  const org = chooseOrg(orgs, name, 'the org input');
  if (org) core.info(`Org ${org.name} (environment ${org.environment}).`);
  return { ...(orgs ? { orgs } : {}), ...(org ? { org } : {}) };
}

/** One matrix entry of the workflows: the org and the environments of its jobs. */
export interface OrgEntry {
  org: string;
  environment: string;
  preview_environment: string;
  stage: number;
}

/** The outputs of `orgs` mode: every org, and the orgs of each stage (`after` in orgs.yml). */
export function orgsOutputs(orgs: OrgsConfig): Record<string, string> {
  const entries: OrgEntry[] = orgs.orgs.map((org) => ({
    org: org.name,
    environment: org.environment,
    preview_environment: org.previewEnvironment,
    stage: org.stage,
  }));
  const outputs: Record<string, string> = {
    orgs: JSON.stringify(entries),
    names: entries.map((entry) => entry.org).join(','),
  };
  for (let stage = 1; stage <= MAX_STAGES; stage++) {
    outputs[`stage${stage}`] = JSON.stringify(entries.filter((entry) => entry.stage === stage));
  }
  return outputs;
}

/** `orgs` mode: orgs.yml checked, and the matrix and stages the multi-org workflows run. */
export async function orgsMode(context: ActionContext): Promise<void> {
  const orgs = await readOrgs(context.inputs.imports);
  if (!orgs) {
    // The multi-org workflows call this mode: without orgs.yml every later job would do nothing, green.
    core.setFailed(
      `${context.inputs.imports} has no orgs.yml, but this workflow runs one job per org: restore orgs.yml, or use the one-org workflows (gc-onboard init without --orgs).`,
    );
    return;
  }
  core.info(
    `Orgs in promotion order: ${orgs.orgs.map((org) => `${org.name} (stage ${org.stage})`).join(', ')}.`,
  );
  setOutputs(orgsOutputs(orgs));
}

/** A section file as its plan job wrote it, or null when the job left none. */
async function readSection(dir: string, org: string): Promise<string | null> {
  try {
    return await readFile(path.join(dir, sectionFileName(org)), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * `comment` mode (the preview workflow's last job, after every org's plan job): the one sticky
 * comment, a section per org in promotion order, each as its plan job wrote it.
 */
export async function commentMode(context: ActionContext): Promise<void> {
  const orgs = await readOrgs(context.inputs.imports);
  if (!orgs) {
    core.setFailed(
      `comment mode gathers the sections of several orgs, but ${context.inputs.imports} has no orgs.yml.`,
    );
    return;
  }
  const sections: OrgSection[] = [];
  for (const org of orgs.orgs) {
    sections.push({ org: org.name, text: await readSection(context.inputs.sections, org.name) });
  }
  const missing = sections.filter((section) => section.text === null).map((section) => section.org);
  if (missing.length > 0)
    core.warning(`No preview section for ${missing.join(', ')}: its plan job did not finish.`);
  const body = composeOrgsComment(PREVIEW_MARKER, sections, context.event.runUrl ?? undefined);
  if (context.event.pullRequest?.isFork) {
    core.info('A pull request from a fork: its token cannot comment; the sections are in each job summary.');
    return;
  }
  await postComment(context, PREVIEW_MARKER, body);
}
