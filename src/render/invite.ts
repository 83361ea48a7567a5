// The training-day report: who was invited, who was skipped and why — for the terminal, the job
// summary and JSON. Pure.
import type { InviteReport } from '../invite/invite.js';
import { formatDay } from '../plan/day.js';
import { escapeMarkdown, plainText } from './escape.js';
import { plural } from './shared.js';

function headline(report: InviteReport): string {
  const sent = report.invited.filter((person) => person.sent).length;
  const failed = report.invited.length - sent;
  if (report.batches.length === 0)
    return `No batch has its training day on ${formatDay(report.date)}: nobody invited.`;
  const parts = [
    `${plural(sent, 'invite')} sent`,
    `${plural(report.skipped.length, 'person', 'people')} skipped`,
  ];
  if (failed > 0) parts.push(`${plural(failed, 'invite')} failed`);
  const force = report.force ? ' (forced: re-sent to everyone active)' : '';
  const when =
    report.catchUp === null
      ? `Training day ${formatDay(report.date)}, ${report.batches.join(', ')}`
      : `Catch-up for batch ${report.catchUp} on ${formatDay(report.date)}`;
  return `${when}: ${parts.join(' · ')}${force}.`;
}

export function renderInviteText(report: InviteReport): string {
  const lines = [plainText(headline(report))];
  for (const person of report.invited) {
    const status = person.sent ? 'invited' : `FAILED: ${person.error ?? 'unknown error'}`;
    lines.push(plainText(`  ${person.batch}  ${person.name} <${person.email}>  ${status}`));
  }
  for (const person of report.skipped) {
    lines.push(plainText(`  ${person.batch}  ${person.name} <${person.email}>  skipped: ${person.detail}`));
  }
  return `${lines.join('\n')}\n`;
}

export function renderInviteMarkdown(report: InviteReport): string {
  const lines = ['## gc-onboard training-day invites', '', escapeMarkdown(headline(report)), ''];
  const rows = [
    ...report.invited.map((p) => [p.batch, p.name, p.email, p.sent ? 'invited' : `failed: ${p.error ?? ''}`]),
    ...report.skipped.map((p) => [p.batch, p.name, p.email, `skipped: ${p.detail}`]),
  ];
  if (rows.length > 0) {
    lines.push('| Batch | Name | Email | Result |', '| --- | --- | --- | --- |');
    for (const row of rows) lines.push(`| ${row.map((cell) => escapeMarkdown(cell)).join(' | ')} |`);
    lines.push('');
  }
  return lines.join('\n');
}

export function inviteToJson(report: InviteReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
