// Findings as inline annotations on the CSV lines in "Files changed". GitHub shows only 10 error
// and 10 warning annotations per step, so we send the first ten of each in file order and one
// notice that points to the full list (comment and job summary).
import path from 'node:path';
import type { AnnotationProperties } from '@actions/core';
import { sortFindings, type Finding, type Severity } from '../csv/findings.js';

/** GitHub Actions displays at most this many error and this many warning annotations per step. */
export const MAX_ANNOTATIONS_PER_SEVERITY = 10;

/** The part of `@actions/core` we call; tests pass a recorder. */
export interface AnnotationSink {
  error(message: string, properties?: AnnotationProperties): void;
  warning(message: string, properties?: AnnotationProperties): void;
  notice(message: string, properties?: AnnotationProperties): void;
}

export interface AnnotateOptions {
  /** Per severity; defaults to GitHub's 10. */
  limit?: number;
  /** GITHUB_WORKSPACE: absolute finding paths under it are made repository-relative so they attach to the diff. */
  workspace?: string;
}

export interface AnnotateResult {
  errors: number;
  warnings: number;
  /** Findings not sent as annotations (counted in the notice). */
  omitted: number;
}

/** The annotation a finding becomes. CSV columns are names, so the column goes in the title, not `startColumn`. */
export function annotationFor(
  finding: Finding,
  workspace?: string,
): { message: string; properties: AnnotationProperties } {
  const title = finding.column ? `${finding.code} (column ${finding.column})` : finding.code;
  return {
    message: finding.message,
    properties: {
      title,
      file: repositoryPath(finding.file, workspace),
      startLine: finding.line,
      endLine: finding.line,
    },
  };
}

export function annotate(
  findings: readonly Finding[],
  sink: AnnotationSink,
  options: AnnotateOptions = {},
): AnnotateResult {
  const limit = options.limit ?? MAX_ANNOTATIONS_PER_SEVERITY;
  const sorted = sortFindings(findings);
  const shown = { error: 0, warning: 0 } satisfies Record<Severity, number>;
  const hidden = { error: 0, warning: 0 } satisfies Record<Severity, number>;

  for (const finding of sorted) {
    const severity = finding.severity;
    if (shown[severity] >= limit) {
      hidden[severity]++;
      continue;
    }
    shown[severity]++;
    const { message, properties } = annotationFor(finding, options.workspace);
    if (severity === 'error') sink.error(message, properties);
    else sink.warning(message, properties);
  }

  const omitted = hidden.error + hidden.warning;
  if (omitted > 0) {
    sink.notice(
      `${omitted} more ${omitted === 1 ? 'finding is' : 'findings are'} not shown inline ` +
        `(${countOf(hidden.error, 'error')}, ${countOf(hidden.warning, 'warning')}): GitHub shows ${limit} errors ` +
        `and ${limit} warnings per step. Every finding is listed in the pull request comment and the job summary.`,
      { title: 'More findings' },
    );
  }
  return { errors: shown.error, warnings: shown.warning, omitted };
}

function repositoryPath(file: string, workspace?: string): string {
  let relative = file;
  if (workspace && path.isAbsolute(file)) {
    const fromWorkspace = path.relative(workspace, file);
    if (!fromWorkspace.startsWith('..') && !path.isAbsolute(fromWorkspace)) relative = fromWorkspace;
  }
  // Annotations match the diff by repository path with forward slashes and no leading `./`.
  return relative.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

function countOf(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
