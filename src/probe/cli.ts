// `gc-onboard probe`: consent checks first (nothing asked of the org without them), then the probe,
// the profile file and the report. Refusals are one line and exit 2.
import { writeFileMaking, type CliIo } from '../run/output.js';
import { openOrg } from '../run/org.js';
import { ProbeRefused, refusalOf, runProbe, type ProbeOptions } from './run.js';

/** What the command line asked for (the CLI's parsed `probe` command has this shape). */
export type ProbeCommand = Pick<
  ProbeOptions,
  'emailDomain' | 'consent' | 'orgNameContains' | 'includeInvite'
> & {
  /** Probe an in-process sandbox instead of the GENESYSCLOUD_* org. */
  sandbox: boolean;
  /** Where the profile is written. */
  out: string;
};

export async function probeCommand(command: ProbeCommand, io: CliIo): Promise<number> {
  const refusal = refusalOf(command);
  if (refusal) {
    io.stderr(`gc-onboard: ${refusal}\n`);
    return 2;
  }
  const org = await openOrg({ sandbox: command.sandbox ? {} : false, env: io.env });
  try {
    const result = await runProbe(org.client, {
      consent: command.consent,
      includeInvite: command.includeInvite,
      ...(command.emailDomain === undefined ? {} : { emailDomain: command.emailDomain }),
      ...(command.orgNameContains === undefined ? {} : { orgNameContains: command.orgNameContains }),
      log: (line) => io.stderr(`${line}\n`),
    });
    await writeFileMaking(command.out, `${JSON.stringify(result.profile, null, 2)}\n`);
    io.stdout(result.report);
    io.stdout(`Profile written to ${command.out}: numbers and statuses only, no names, emails or ids.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ProbeRefused)) throw error;
    io.stderr(`gc-onboard: ${error.message}\n`);
    return 2;
  } finally {
    await org.close();
  }
}
