// doctor's report: one screen of sections, a line per check, the fix under each ✗. Pure.
import type { DoctorLine } from './checks.js';

export interface Section {
  title: string;
  lines: DoctorLine[];
}

export function renderDoctor(sections: readonly Section[], exitCode: number): string {
  const out: string[] = [];
  for (const section of sections) {
    if (section.lines.length === 0) continue;
    out.push(section.title);
    for (const line of section.lines) {
      out.push(`  ${line.mark} ${line.text}`);
      if (line.fix) out.push(`      fix: ${line.fix}`);
    }
    out.push('');
  }
  const problems = sections.flatMap((s) => s.lines).filter((l) => l.mark === '✗');
  const blocking = problems.filter((l) => l.blocks).length;
  out.push(
    exitCode === 2
      ? 'doctor: could not finish (see the ✗ line); nothing else was checked.'
      : problems.length === 0
        ? 'doctor: all good.'
        : `doctor: ${problems.length} problem${problems.length === 1 ? '' : 's'}${
            blocking > 0 ? `, ${blocking} of them stop plan or apply` : ' (none stops plan or apply)'
          }.`,
  );
  return `${out.join('\n')}\n`;
}

/** 0 all good (or only invite/export gaps and warnings); 1 plan or apply would miss something; 2 no login. */
export function doctorExitCode(sections: readonly Section[], loggedIn: boolean): number {
  if (!loggedIn) return 2;
  return sections.some((s) => s.lines.some((l) => l.mark === '✗' && l.blocks)) ? 1 : 0;
}
