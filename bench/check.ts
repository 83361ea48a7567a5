// Does the org hold exactly what the imports say? Compares the sandbox's state dump with the rows of
// an ImportSet, resolving names to ids through the dump itself, so a planner bug cannot hide behind
// its own plan. Pure: values in, list of violations out.
//
// Checked for the whole org: no two live users with one email, no two phones with one name or one
// WebRTC user, no repeated grant, queue membership or skill, no invite. Checked per row: the person
// exists once with every field of the row, and the phone exists once, on the right site and base
// settings, for the right user, and is that user's default station.

import type { ImportSet, PersonRow, PhoneRow } from '../src/csv/types.js';
import type { DumpUser, SandboxStateDump } from '../src/sandbox/index.js';

export interface OrgCheck {
  people: number;
  phones: number;
  /** Each problem on one line; empty when the org is right. */
  violations: string[];
}

const fold = (value: string) => value.trim().toLowerCase();
const digits = (value: string) => value.replace(/\D/g, '');

function byName(items: ReadonlyArray<{ id: string; name: string }>): (name: string) => string | undefined {
  const map = new Map<string, string>();
  for (const item of items) map.set(fold(item.name), item.id);
  return (name) => map.get(fold(name));
}

function duplicates<T>(items: readonly T[], key: (item: T) => string): string[] {
  const seen = new Map<string, number>();
  for (const item of items) seen.set(key(item), (seen.get(key(item)) ?? 0) + 1);
  return [...seen].filter(([, count]) => count > 1).map(([k, count]) => `${k} ×${count}`);
}

export function checkOrg(imports: ImportSet, state: SandboxStateDump): OrgCheck {
  const violations: string[] = [];
  const report = (message: string) => violations.push(message);

  // Whole-org duplicates, the things a retried write could double.
  const live = state.users.filter((user) => user.state !== 'deleted');
  for (const d of duplicates(live, (u) => fold(u.email))) report(`duplicate user ${d}`);
  // A deleted phone stays listed (real-api.md §8) but frees its name and its user.
  const livePhones = state.phones.filter((p) => p.state !== 'deleted');
  for (const d of duplicates(livePhones, (p) => fold(p.name))) report(`duplicate phone name ${d}`);
  const webRtc = livePhones.filter((p) => p.webRtcUserId !== null);
  for (const d of duplicates(webRtc, (p) => p.webRtcUserId ?? '')) report(`two WebRTC phones for user ${d}`);
  for (const d of duplicates(state.grants, (g) => `${g.subjectId}/${g.roleId}/${g.divisionId}`))
    report(`duplicate grant ${d}`);
  for (const d of duplicates(state.queueMembers, (m) => `${m.queueId}/${m.userId}`))
    report(`duplicate queue membership ${d}`);
  for (const user of live) {
    for (const d of duplicates(user.skills, (s) => s.id)) report(`duplicate skill on ${user.email}: ${d}`);
  }
  if (state.invites.length > 0) report(`${state.invites.length} invite(s) sent; apply must never invite`);

  const divisionId = byName(state.divisions);
  const roleId = byName(state.roles);
  const queueId = byName(state.queues);
  const skillId = byName(state.skills);
  const locationId = byName(state.locations);
  const siteId = byName(state.sites);
  const baseSettings = new Map(state.phoneBaseSettings.map((b) => [fold(b.name), b]));
  const homeId = state.org.homeDivisionId;
  const userByEmail = new Map<string, DumpUser>();
  for (const user of live) userByEmail.set(fold(user.email), user);
  const grants = new Set(state.grants.map((g) => `${g.subjectId}/${g.roleId}/${g.divisionId}`));
  const members = new Set(state.queueMembers.map((m) => `${m.queueId}/${m.userId}`));
  const phonesByName = new Map(livePhones.map((p) => [fold(p.name), p]));

  let people = 0;
  let phones = 0;
  for (const batch of imports.batches) {
    for (const row of batch.people) {
      people++;
      const user = userByEmail.get(row.emailKey);
      if (!user) report(`${row.file}:${row.line}: no user ${row.email}`);
      else checkPerson(row, user);
    }
    for (const row of batch.phones) {
      phones++;
      checkPhone(row);
    }
  }
  return { people, phones, violations };

  function checkPerson(row: PersonRow, user: DumpUser): void {
    const at = `${row.file}:${row.line} (${row.email})`;
    const expect = (what: string, actual: unknown, wanted: unknown) => {
      if (actual !== wanted)
        report(`${at}: ${what} is ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
    };
    expect('name', user.name, row.name);
    if (row.title !== undefined) expect('title', user.title, row.title);
    if (row.department !== undefined) expect('department', user.department, row.department);
    if (row.division) expect('division', user.divisionId, divisionId(row.division));
    const work = user.addresses.filter((a) => a.mediaType === 'PHONE' && a.type === 'WORK');
    if (row.phoneWork) {
      // Stored in E.164 with the org's country code; the CSV may leave the country code out.
      const stored = work.map((a) => digits(a.address ?? '')).join();
      const written = digits(row.phoneWork).replace(/^0/, '');
      expect('work phone', stored.endsWith(written) ? written : stored, written);
    }
    if (row.extension) expect('extension', work.map((a) => a.extension ?? '').join(), row.extension);
    if (row.managerEmail) {
      expect(
        'manager',
        user.managerId,
        userByEmail.get(fold(row.managerEmail))?.id ?? `(${row.managerEmail})`,
      );
    }
    if (row.location) {
      expect(
        'locations',
        user.locations.map((l) => l.id).join(),
        locationId(row.location) ?? `(${row.location})`,
      );
    }
    for (const grant of row.roles) {
      const role = roleId(grant.role);
      const divisions = grant.divisions.length > 0 ? grant.divisions.map(divisionId) : [homeId];
      for (const division of divisions) {
        if (!role || !division || !grants.has(`${user.id}/${role}/${division}`))
          report(`${at}: missing grant ${grant.role}:[${grant.divisions.join(', ')}]`);
      }
    }
    for (const queue of row.queues) {
      const id = queueId(queue);
      if (!id || !members.has(`${id}/${user.id}`)) report(`${at}: not a member of queue ${queue}`);
    }
    for (const skill of row.skills) {
      const id = skillId(skill.skill);
      const has = user.skills.find((s) => s.id === id);
      if (!has) report(`${at}: missing skill ${skill.skill}`);
      else expect(`${skill.skill} proficiency`, has.proficiency, skill.proficiency);
    }
  }

  function checkPhone(row: PhoneRow): void {
    const at = `${row.file}:${row.line} (${row.name})`;
    const phone = phonesByName.get(fold(row.name));
    const user = userByEmail.get(row.emailKey);
    if (!phone) return void report(`${at}: no phone`);
    if (!user) return void report(`${at}: no user ${row.email}`);
    const base = baseSettings.get(fold(row.baseSettings));
    if (phone.webRtcUserId !== user.id)
      report(`${at}: WebRTC user is ${phone.webRtcUserId}, expected ${user.id}`);
    if (phone.siteId !== siteId(row.site)) report(`${at}: site is ${phone.siteId}, expected ${row.site}`);
    if (!base || phone.phoneBaseSettingsId !== base.id)
      report(`${at}: base settings are not ${row.baseSettings}`);
    else if (phone.lines.length !== 1 || phone.lines[0]?.lineBaseSettingsId !== base.lines[0]?.id)
      report(`${at}: lines are ${JSON.stringify(phone.lines)}, expected one line of ${row.baseSettings}`);
    if (!phone.stationId || user.defaultStationId !== phone.stationId)
      report(
        `${at}: default station of ${row.email} is ${user.defaultStationId}, expected ${phone.stationId}`,
      );
  }
}
