// Which batches a pull request or a push touched, from GitHub's file lists. A batch is a folder
// `imports/<batch>/`; templates/ and names starting with `_` or `.` are never imported.
import { isBatchFolder } from '../csv/validate.js';
import type { Octokit } from './octokit.js';

/** pulls.listFiles returns at most 3,000 files; the compare API at most 300. A list that long may be cut. */
export const MAX_PULL_REQUEST_FILES = 3_000;
export const MAX_COMPARE_FILES = 300;

export interface ChangedBatches {
  /** Batch folder names, sorted, each once. */
  batches: string[];
  /** False when GitHub's list may be incomplete (or there was nothing to compare): treat every batch as changed. */
  complete: boolean;
  /** Why the list is not complete. */
  reason?: string;
}

interface ChangedFile {
  filename: string;
  status?: string;
}

/** The batch a repository path belongs to, or null: only files directly inside `<importsDir>/<batch>/` count. */
export function batchOfPath(file: string, importsDir = 'imports'): string | null {
  const root = normalizeDir(importsDir);
  const normalized = file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  const prefix = root === '' ? '' : `${root}/`;
  if (!normalized.startsWith(prefix)) return null;
  const parts = normalized.slice(prefix.length).split('/');
  if (parts.length !== 2) return null;
  const [batch, name] = parts;
  if (!batch || !name || !isBatchFolder(batch)) return null;
  return batch;
}

/** Batches with at least one added, modified or renamed file; a batch whose files were only removed has nothing to import. */
export function batchesOfFiles(files: readonly ChangedFile[], importsDir = 'imports'): string[] {
  const batches = new Set<string>();
  for (const file of files) {
    if (file.status === 'removed') continue;
    const batch = batchOfPath(file.filename, importsDir);
    if (batch) batches.add(batch);
  }
  return [...batches].sort();
}

export async function changedBatchesInPullRequest(
  octokit: Octokit,
  where: { owner: string; repo: string; pullNumber: number; importsDir?: string },
): Promise<ChangedBatches> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: where.owner,
    repo: where.repo,
    pull_number: where.pullNumber,
    per_page: 100,
  });
  const batches = batchesOfFiles(files, where.importsDir);
  if (files.length >= MAX_PULL_REQUEST_FILES) {
    return { batches, complete: false, reason: `the pull request changes ${files.length} or more files` };
  }
  return { batches, complete: true };
}

export async function changedBatchesInPush(
  octokit: Octokit,
  where: { owner: string; repo: string; before: string; after: string; importsDir?: string },
): Promise<ChangedBatches> {
  if (/^0+$/.test(where.before)) {
    return {
      batches: [],
      complete: false,
      reason: 'the push created the branch, so there is no earlier commit',
    };
  }
  let files: ChangedFile[];
  try {
    const compare = await octokit.rest.repos.compareCommitsWithBasehead({
      owner: where.owner,
      repo: where.repo,
      basehead: `${where.before}...${where.after}`,
    });
    files = compare.data.files ?? [];
  } catch (error) {
    // A force-push can leave `before` unreachable (404) or unrelated (422); the caller falls back to all batches.
    const status = (error as { status?: unknown } | null)?.status;
    if (status === 404 || status === 422) {
      return {
        batches: [],
        complete: false,
        reason: `GitHub cannot compare ${where.before}...${where.after} (${status})`,
      };
    }
    throw error;
  }
  const batches = batchesOfFiles(files, where.importsDir);
  if (files.length >= MAX_COMPARE_FILES) {
    return { batches, complete: false, reason: `the push changes ${files.length} or more files` };
  }
  return { batches, complete: true };
}

function normalizeDir(dir: string): string {
  return dir
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '')
    .replace(/^\.$/, '');
}
