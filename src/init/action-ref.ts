// Where a team's workflows get gc-onboard from. The one place that names our repository: the
// workflows, the docs links and the next steps that init writes all derive from it.
import packageJson from '../../package.json' with { type: 'json' };

/** The GitHub repository that publishes the Action (tags v<major> move with each release). */
export const ACTION_REPOSITORY = 'gc-onboard/gc-onboard';

/** `0.1.0` → 0: teams pin the major, so fixes reach them and breaking changes do not. */
export function majorOf(version: string): number {
  const match = /^v?(\d+)\.\d+\.\d+/.exec(version);
  if (!match) throw new Error(`"${version}" is not a semantic version`);
  return Number(match[1]);
}

/** `gc-onboard/gc-onboard@v0`: what `uses:` says in the workflows init writes. */
export const ACTION_REF = `${ACTION_REPOSITORY}@v${majorOf(packageJson.version)}`;

export const DOCS_URL = `https://github.com/${ACTION_REPOSITORY}#readme`;
