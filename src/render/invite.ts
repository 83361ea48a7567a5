// The training-day report: who was invited, who was skipped and why — for the terminal, the job
// summary and JSON. Pure.
import type { InviteReport } from '../invite/invite.js';
import { formatDay } from '../plan/day.js';
import { escapeMarkdown, plainText } from './escape.js';
import { plural } from '../csv/words.js';

function headline(report: InviteReport): string {
  const sent = report.invited.filter((person) => person.sent).length;
  const failed = report.invited.length - sent;
  if (report.expired) return expiredHeadline(report, sent, failed);
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

/** `invite --expired`: re-sends of invitations that expired, in the batches whose training day has passed. */
function expiredHeadline(report: InviteReport, sent: number, failed: number): string {
  const where =
    report.catchUp === null
      ? `batches trained on or before ${formatDay(report.date)}`
      : `batch ${report.catchUp}`;
  if (report.batches.length === 0) return `Expired invitations: no ${where}: nothing re-sent.`;
  const parts = [`${plural(sent, 'expired invitation')} re-sent`];
  if (report.skipped.length > 0)
    parts.push(`${plural(report.skipped.length, 'person', 'people')} to look at`);
  if (failed > 0) parts.push(`${plural(failed, 're-send')} failed`);
  return `Expired invitations in ${where} (${report.batches.join(', ')}): ${parts.join(' · ')}.`;
}

export function renderInviteText(report: InviteReport): string {
  const lines = [plainText(headline(report))];
  for (const person of report.invited) {
    const done = report.expired ? 're-sent (the invitation had expired)' : 'invited';
    const status = person.sent ? done : `FAILED: ${person.error ?? 'unknown error'}`;
    lines.push(plainText(`  ${person.batch}  ${person.name} <${person.email}>  ${status}`));
  }
  for (const person of report.skipped) {
    lines.push(plainText(`  ${person.batch}  ${person.name} <${person.email}>  skipped: ${person.detail}`));
  }
  return `${lines.join('\n')}\n`;
}

export function renderInviteMarkdown(report: InviteReport): string {
  const title = report.expired ? 'expired invitations' : 'training-day invites';
  const lines = [`## gc-onboard ${title}`, '', escapeMarkdown(headline(report)), ''];
  const done = report.expired ? 're-sent (expired)' : 'invited';
  const rows = [
    ...report.invited.map((p) => [p.batch, p.name, p.email, p.sent ? done : `failed: ${p.error ?? ''}`]),
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
