// A user's WebRTC phone as a phones.csv row, or a note on why the file cannot hold it; and, once the
// text is read back, whether the row still names the same phone.
import { quote } from '../csv/findings.js';
import type { PhoneColumn } from '../csv/phones.js';
import type { PhoneRow } from '../csv/types.js';
import type { ExportUser } from '../genesys/export-read.js';
import { readsBack, type Org } from './org.js';
import { formulaNotes, type Note, type Row } from './row.js';

/** The phones.csv row of a user's WebRTC phone, or a note on why it cannot be one. */
export function phoneRow(user: ExportUser, org: Org): Row<PhoneColumn> | Note | undefined {
  const phones = org.phonesByUser.get(user.id) ?? [];
  const phone = phones[0];
  if (!phone) return undefined;
  const who = user.email;
  const skip = (code: string, message: string): Note => ({
    column: null,
    severity: 'warning',
    code,
    message,
  });
  if (phones.length > 1) {
    const names = phones.map((p) => quote(p.name)).join(', ');
    return skip(
      'several-phones',
      `${who} has ${phones.length} WebRTC phones (${names}) and the import gives a person one; none is written.`,
    );
  }
  const base = org.items.baseSettings.get(phone.baseSettingsId);
  if (!base?.webRtc) {
    return skip(
      'phone-not-webrtc',
      `Phone ${quote(phone.name)} of ${who} is not made from WebRTC base settings; it is not written.`,
    );
  }
  if (phone.stationId === null || phone.stationId !== user.defaultStationId) {
    return skip(
      'phone-not-default',
      `WebRTC phone ${quote(phone.name)} of ${who} is not their default phone; it is not written, because importing it would make it the default. Add the row to do that.`,
    );
  }
  const site = readsBack(org.sites, org.items.sites, phone.siteId);
  const baseName = readsBack(org.baseSettings, org.items.baseSettings, phone.baseSettingsId);
  if (site === undefined || baseName === undefined) {
    const [kind, name] =
      site === undefined
        ? (['site', org.items.sites.get(phone.siteId)?.name] as const)
        : (['base settings', base.name] as const);
    return skip(
      'name-not-exportable',
      `WebRTC phone ${quote(phone.name)} of ${who} is not written: its ${kind} ${name === undefined ? 'is not in the org' : `${quote(name)} does not read back (another ${kind} has the same name)`}.`,
    );
  }
  const cells: Record<PhoneColumn, string> = {
    phone_name: phone.name,
    base_settings: baseName,
    site,
    email: user.email,
  };
  return { cells, notes: formulaNotes(cells, who) };
}

/** A note when the row read back (if any) would not plan as the phone written. */
export function phoneDifferences(read: PhoneRow | undefined, wrote: Row<PhoneColumn>, org: Org): Note[] {
  if (!read) return [];
  const same =
    read.name.trim().toLowerCase() === wrote.cells.phone_name.trim().toLowerCase() &&
    org.sites.find(read.site)?.id === org.sites.find(wrote.cells.site)?.id &&
    org.baseSettings.find(read.baseSettings)?.id === org.baseSettings.find(wrote.cells.base_settings)?.id;
  if (same) return [];
  return [
    {
      column: 'phone_name',
      severity: 'warning',
      code: 'changes-on-reimport',
      message: `The phone of ${wrote.cells.email} does not read back as the same phone: a re-import would show a change.`,
    },
  ];
}
