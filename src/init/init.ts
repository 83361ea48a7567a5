// `gc-onboard init [DIR]`: scaffold a team's repository (imports/, the workflows, .gitignore lines).
// The disk work around the pure plan: look at what exists, create only what does not, report.
import { constants } from 'node:fs';
import { access, appendFile, lstat, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ACTION_REF, DOCS_URL } from './action-ref.js';
import { planInit, renderInitReport, renderTemplates, templatesFor, type InitPlan } from './plan.js';
import { TEMPLATES } from './templates.generated.js';

/** DIR cannot hold a repository (a file, unwritable): exit 2. */
export class InitError extends Error {}

export interface InitOptions {
  now: () => Date;
  doctorAvailable: boolean;
  /** --orgs a,b: the multi-org workflows and an orgs.yml naming these orgs in promotion order. */
  orgs?: readonly string[];
}

export interface InitResult {
  plan: InitPlan;
  /** Planned files that appeared before we wrote them: left as they were. */
  raced: string[];
  report: string;
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** The folder, made if missing; an InitError when it is not a folder we may write to. */
async function usableFolder(dir: string): Promise<string> {
  const absolute = path.resolve(dir);
  const info = await stat(absolute).catch((error: unknown) => {
    if (code(error) === 'ENOENT') return null;
    if (code(error) === 'ENOTDIR') throw new InitError(`"${dir}" is inside a file, not a folder.`);
    throw error;
  });
  if (info && !info.isDirectory()) throw new InitError(`"${dir}" is a file; init needs a folder.`);
  if (!info) {
    await mkdir(absolute, { recursive: true }).catch((error: unknown) => {
      throw new InitError(`cannot create the folder "${dir}" (${code(error) ?? String(error)}).`);
    });
  }
  await access(absolute, constants.W_OK).catch(() => {
    throw new InitError(`cannot write in "${dir}": check its permissions.`);
  });
  return absolute;
}

const exists = (file: string) =>
  lstat(file).then(
    () => true,
    () => false,
  );

export async function initRepository(dir: string, options: InitOptions): Promise<InitResult> {
  const root = await usableFolder(dir);
  const files = renderTemplates(templatesFor(TEMPLATES, options.orgs), {
    actionRef: ACTION_REF,
    docsUrl: DOCS_URL,
    today: options.now().toISOString().slice(0, 10),
  });
  const existing = new Set<string>();
  for (const file of Object.keys(files)) if (await exists(path.join(root, file))) existing.add(file);
  const gitignorePath = path.join(root, '.gitignore');
  const gitignore = await readFile(gitignorePath, 'utf8').catch((error: unknown) => {
    if (code(error) === 'ENOENT') return null;
    throw error;
  });
  const plan = planInit(files, existing, gitignore);

  const raced: string[] = [];
  for (const file of plan.write) {
    const target = path.join(root, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    // 'wx' fails on an existing file: never overwrite, even one created since we looked.
    await writeFile(target, file.content, { flag: 'wx' }).catch((error: unknown) => {
      if (code(error) !== 'EEXIST') throw error;
      raced.push(file.path);
    });
  }
  if (plan.gitignore.kind === 'create')
    await writeFile(gitignorePath, plan.gitignore.content, { flag: 'wx' });
  if (plan.gitignore.kind === 'append') await appendFile(gitignorePath, plan.gitignore.addition);

  const report = renderInitReport(plan, {
    dir,
    doctorAvailable: options.doctorAvailable,
    raced,
    ...(options.orgs ? { orgs: options.orgs } : {}),
  });
  return { plan, raced, report };
}

/** The CLI command: the report on stdout; 2 with one line on stderr when DIR is unusable. */
export async function runInit(
  dir: string,
  io: { stdout: (text: string) => void; stderr: (text: string) => void; now: () => Date },
  doctorAvailable: boolean,
  orgs: readonly string[] = [],
): Promise<number> {
  try {
    const { report } = await initRepository(dir, { now: io.now, doctorAvailable, orgs });
    io.stdout(report);
    return 0;
  } catch (error) {
    if (!(error instanceof InitError)) throw error;
    io.stderr(`gc-onboard: ${error.message}\n`);
    return 2;
  }
}
