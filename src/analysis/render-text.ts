/**
 * The terminal report: top causes first (meaning, count, where, what to check), then the tables.
 * Every string that is not this module's own text goes through `clip` / `escapeTerminal`, so no log
 * content can reach the terminal raw; colours come only from the constants below.
 */
import { cell, clip, escapeTerminal, wrap } from './escape.js';
import type { CountRow, GroupRow, LoopRow, ReasonRow, Summary, SummaryTables, TimeRow } from './types.js';

export interface ReportTextOptions {
  readonly color: boolean;
  /** Line width (default 100, at least 60). */
  readonly width?: number;
  /** Rows per table (default 15). */
  readonly maxRows?: number;
}

const SGR = { bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', green: '\u001b[32m', yellow: '\u001b[33m', reset: '\u001b[0m' } as const;
type Style = Exclude<keyof typeof SGR, 'reset'>;

class Out {
  readonly lines: string[] = [];
  constructor(readonly color: boolean, readonly width: number) {}
  /** `text` must already be safe (escaped or this module's own). */
  line(text = ''): void {
    this.lines.push(text);
  }
  style(text: string, s: Style): string {
    return this.color ? `${SGR[s]}${text}${SGR.reset}` : text;
  }
  heading(text: string): void {
    if (this.lines.length > 0) this.line();
    this.line(this.style(text, 'bold'));
    this.line(this.style('─'.repeat(Math.min(this.width, text.length)), 'dim'));
  }
}

function pct(rate: number | null): string {
  return rate === null ? '–' : `${(rate * 100).toFixed(1)}%`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A short label for a reason: its name, else its code, else its text. Not escaped. */
function reasonLabel(r: Pick<ReasonRow, 'name' | 'family' | 'hex' | 'text' | 'key' | 'understood' | 'meaning'>): string {
  if (r.name !== null) return r.name;
  if (r.hex !== null) return `${r.family ?? '?'} ${r.hex}${r.understood ? '' : ' (not in the catalog)'}`;
  if (r.understood && r.meaning !== null) return `"${r.meaning}"`;
  if (r.text !== null) return `not understood: "${r.text}"`;
  return r.key;
}

function countList(rows: readonly CountRow[], max: number, width: number): string {
  const shown = rows.slice(0, max).map((r) => `${escapeTerminal(clip(r.key, 40))} (${r.count})`);
  const more = rows.length > max ? `, +${rows.length - max} more` : '';
  return clip(shown.join(', ') + more, width);
}

function renderCauses(out: Out, rows: readonly ReasonRow[], maxRows: number, failures: number): void {
  out.heading('Top causes of failure');
  if (rows.length === 0) {
    out.line(failures === 0 ? 'No failed attempts.' : 'Failed attempts carried no reason.');
    return;
  }
  const w = out.width - 6;
  rows.slice(0, maxRows).forEach((r, i) => {
    const code = r.hex !== null && r.name !== null ? ` (${r.family ?? '?'} ${r.hex})` : '';
    const bucket = r.bucket !== null ? ` [${r.bucket}]` : '';
    const label = clip(reasonLabel(r), w - 12);
    const head = `${String(i + 1).padStart(2)}. ${r.count}× ${label}${code}${bucket}`;
    out.line(r.understood ? out.style(head, 'bold') : out.style(head, 'yellow'));
    const block = (label: string, text: string): void => {
      const pad = ' '.repeat(6 + label.length);
      wrap(text, w - label.length, 4).forEach((l, n) => out.line(n === 0 ? `      ${label}${l}` : `${pad}${l}`));
    };
    if (r.meaning !== null && (r.name !== null || r.hex !== null)) block(r.name !== null ? 'Meaning: ' : '', r.meaning);
    const labelIsText = r.name === null && r.hex === null;
    if (r.text !== null && r.text !== r.meaning && !labelIsText) block('Windows said: ', `"${r.text}"`);
    if (r.via === 'text' && r.understood && r.confidence < 1) out.line(`      Matched by its text (confidence ${r.confidence.toFixed(2)}).`);
    if (!r.understood) out.line('      Not understood: no catalog entry or known text matches; nothing is guessed.');
    out.line(`      SSIDs: ${countList(r.ssids, 5, w - 13)}`);
    out.line(`      Hosts: ${countList(r.hosts, 5, w - 13)}`);
    if (r.first !== null) out.line(`      Seen: ${escapeTerminal(clip(r.first, 40))}${r.last !== null && r.last !== r.first ? ` … ${escapeTerminal(clip(r.last, 40))}` : ''}`);
    if (r.hint !== null && r.hint.length > 0) block('Check next: ', r.hint);
  });
  if (rows.length > maxRows) out.line(`    … ${plural(rows.length - maxRows, 'more cause')}`);
}

function renderBuckets(out: Out, rows: readonly CountRow[]): void {
  if (rows.length === 0) return;
  out.heading('Failures by category');
  const total = rows.reduce((s, r) => s + r.count, 0);
  const barWidth = Math.max(10, out.width - 40);
  for (const r of rows) {
    const bar = '█'.repeat(Math.max(1, Math.round((r.count / Math.max(1, total)) * barWidth)));
    out.line(`  ${cell(r.key, 20)} ${String(r.count).padStart(7)}  ${out.style(bar, 'red')}`);
  }
}

function renderGroups(out: Out, title: string, column: string, rows: readonly GroupRow[], labels: ReadonlyMap<string, string>, maxRows: number): void {
  if (rows.length === 0 || (rows.length === 1 && rows[0]?.key === '(none)')) return;
  out.heading(title);
  const keyW = Math.max(12, Math.min(32, out.width - 76));
  const reasonW = Math.max(10, out.width - keyW - 52);
  out.line(out.style(`  ${cell(column, keyW)} ${cell('attempts', 8, 'right')} ${cell('ok', 6, 'right')} ${cell('failed', 6, 'right')} ${cell('blocked', 7, 'right')} ${cell('open', 5, 'right')} ${cell('success', 7, 'right')}  ${cell('top reason', reasonW)}`, 'dim'));
  for (const r of rows.slice(0, maxRows)) {
    const top = r.topReason === null ? '' : `${labels.get(r.topReason) ?? r.topReason} (${r.topReasonCount})`;
    out.line(`  ${cell(r.key, keyW)} ${cell(String(r.attempts), 8, 'right')} ${cell(String(r.connected), 6, 'right')} ${cell(String(r.failed), 6, 'right')} ${cell(String(r.blocked), 7, 'right')} ${cell(String(r.incomplete), 5, 'right')} ${cell(pct(r.successRate), 7, 'right')}  ${clip(top, reasonW)}`);
  }
  if (rows.length > maxRows) out.line(`  … ${plural(rows.length - maxRows, 'more row')}`);
}

function renderLoops(out: Out, rows: readonly LoopRow[], labels: ReadonlyMap<string, string>, maxRows: number): void {
  if (rows.length === 0) return;
  out.heading('Repeated-failure loops');
  for (const r of rows.slice(0, maxRows)) {
    const label = r.name ?? labels.get(r.reason) ?? r.reason;
    out.line(`  ${out.style(`${r.count}×`, 'red')} ${clip(r.ssid ?? '(no SSID)', 32)} on ${clip(r.host ?? '(unknown host)', 32)}: ${clip(label, out.width - 60)}`);
    out.line(`      ${escapeTerminal(clip(r.first, 40))} … ${escapeTerminal(clip(r.last, 40))}`);
  }
  if (rows.length > maxRows) out.line(`  … ${plural(rows.length - maxRows, 'more loop')}`);
}

function renderDisconnects(out: Out, rows: readonly ReasonRow[], maxRows: number): void {
  if (rows.length === 0) return;
  out.heading('Disconnect reasons (event 8003)');
  const w = out.width - 14;
  for (const r of rows.slice(0, maxRows)) {
    const code = r.hex !== null ? `${r.family ?? '?'} ${Number(r.value)}: ` : '';
    const text = r.meaning ?? r.text ?? 'no reason given';
    const lines = wrap(`${code}${text}`, w, 3);
    lines.forEach((l, n) => out.line(n === 0 ? `  ${String(r.count).padStart(7)}  ${l}` : `           ${l}`));
    if (!r.understood) out.line(out.style('           (not understood: shown as Windows wrote it)', 'yellow'));
    else if (r.text !== null && r.text !== r.meaning) wrap(`Windows said: "${r.text}"`, w, 2).forEach((l) => out.line(`           ${l}`));
  }
  if (rows.length > maxRows) out.line(`  … ${plural(rows.length - maxRows, 'more reason')}`);
}

function renderTimeline(out: Out, title: string, rows: readonly TimeRow[], maxRows: number): void {
  if (rows.length === 0) return;
  out.heading(title);
  const shown = rows.slice(-maxRows);
  out.line(out.style(`  ${cell('period', 13)} ${cell('tries', 6, 'right')} ${cell('failed', 6, 'right')}  ░ connected or open, █ failed`, 'dim'));
  if (rows.length > shown.length) out.line(`  (last ${shown.length} of ${rows.length})`);
  const peak = Math.max(1, ...shown.map((r) => r.attempts));
  const barWidth = Math.max(10, out.width - 44);
  for (const r of shown) {
    const okLen = Math.round(((r.attempts - r.failures) / peak) * barWidth);
    const badLen = Math.round((r.failures / peak) * barWidth);
    const bar = out.style('░'.repeat(okLen), 'green') + out.style('█'.repeat(badLen), 'red');
    out.line(`  ${cell(r.period, 13)} ${String(r.attempts).padStart(6)} ${String(r.failures).padStart(6)}  ${bar}`);
  }
}

function labelsOf(t: SummaryTables): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of t.byReason) m.set(r.key, reasonLabel(r));
  return m;
}

function renderOutcomes(out: Out, t: SummaryTables): void {
  const o = t.outcomes;
  out.line(
    `Attempts: ${o.attempts}   connected ${out.style(String(o.connected), 'green')}   failed ${out.style(String(o.failed), o.failed > 0 ? 'red' : 'dim')}   blocked ${o.blocked}   incomplete ${o.incomplete}   success rate ${pct(o.successRate)}`,
  );
  const disconnects = t.disconnects.reduce((s, r) => s + r.count, 0);
  if (disconnects > 0) out.line(`Disconnects: ${disconnects}`);
  if (t.firstTime !== null) out.line(`Period: ${escapeTerminal(clip(t.firstTime, 40))} … ${escapeTerminal(clip(t.lastTime ?? t.firstTime, 40))}`);
}

/** The whole report as one string (lines end in `\n`). */
export function renderReportText(summary: Summary, options: ReportTextOptions): string {
  const width = Math.max(60, Math.min(400, Math.floor(options.width ?? 100)));
  const maxRows = Math.max(1, Math.floor(options.maxRows ?? 15));
  const out = new Out(options.color, width);
  out.line(out.style('wlanreason — why Wi-Fi connections failed', 'bold'));
  const f = summary.filters;
  const filters = [
    f.since !== undefined ? `since ${f.since}` : '',
    f.until !== undefined ? `until ${f.until}` : '',
    f.ssid !== undefined ? `SSID ${f.ssid}` : '',
    f.host !== undefined ? `host ${f.host}` : '',
  ].filter((s) => s.length > 0);
  if (filters.length > 0) out.line(`Filters: ${clip(filters.join(', '), width - 9)}`);
  if (summary.redacted) out.line('Names, addresses and identities are replaced by pseudonyms (SSID-n, HOST-n, MAC-n, USER-n, PROFILE-n, IFACE-n).');
  renderOutcomes(out, summary);

  const labels = labelsOf(summary);
  renderCauses(out, summary.byReason, maxRows, summary.outcomes.failed + summary.outcomes.blocked);
  renderBuckets(out, summary.byBucket);
  renderGroups(out, 'By SSID', 'SSID', summary.bySsid, labels, maxRows);
  renderGroups(out, 'By host', 'host', summary.byHost, labels, maxRows);
  renderGroups(out, 'By access point', 'BSSID', summary.byBssid, labels, maxRows);
  renderGroups(out, 'By adapter', 'adapter', summary.byAdapter, labels, maxRows);
  renderLoops(out, summary.loops, labels, maxRows);
  renderDisconnects(out, summary.disconnects, maxRows);
  renderTimeline(out, 'Per day (attempts, failures)', summary.perDay, maxRows * 2);
  renderTimeline(out, 'Per hour (attempts, failures)', summary.perHour, maxRows * 2);

  if (summary.hosts.length > 1) {
    out.heading('Per host');
    for (const h of summary.hosts.slice(0, maxRows)) {
      const o = h.outcomes;
      out.line(`${out.style(clip(h.host, 40), 'bold')}: ${o.attempts} attempts, ${o.failed + o.blocked} failed, success ${pct(o.successRate)}`);
      const hl = labelsOf(h);
      for (const r of h.byReason.slice(0, 3)) out.line(`    ${String(r.count).padStart(6)}× ${clip(hl.get(r.key) ?? r.key, width - 14)}`);
      for (const l of h.loops.slice(0, 3)) out.line(`    loop: ${l.count}× on ${clip(l.ssid ?? '(no SSID)', 32)} (${escapeTerminal(clip(l.first, 40))} … ${escapeTerminal(clip(l.last, 40))})`);
    }
    if (summary.hosts.length > maxRows) out.line(`  … ${plural(summary.hosts.length - maxRows, 'more host')}`);
  }

  out.heading('Input');
  const c = summary.counts;
  out.line(`Events read: ${c.events}   used: ${c.accepted}   filtered out: ${c.filteredOut}   outside attempts (service events, re-keying, re-authentication): ${c.ignored}`);
  if (c.attemptsFilteredOut > 0) out.line(`Attempts left out by the SSID filter: ${c.attemptsFilteredOut}`);
  if (c.overflowed > 0) out.line(`Rows folded into "(other)" because a table was full: ${c.overflowed}`);
  for (const [k, v] of [...c.extra].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out.line(`${clip(k, 40)}: ${v}`);
  if (summary.problemCount > 0) {
    out.line(out.style(`Unreadable parts: ${summary.problemCount}${summary.problems.length < summary.problemCount ? ` (first ${summary.problems.length} shown)` : ''}`, 'yellow'));
    for (const p of summary.problems.slice(0, maxRows * 2)) out.line(`  ${clip(p.file, 40)} ${clip(p.where, 30)}: ${clip(p.message, width - 20)}`);
  } else {
    out.line('Unreadable parts: none');
  }
  return out.lines.join('\n') + '\n';
}
