/**
 * Minimal extraction of events from the XML that the Debian peers print (`evtxexport -f xml`,
 * `evtx_dump.py`). Regex-based on purpose: the peers emit raw control characters and other
 * non-XML-1.0 content for hostile values, which a strict XML parser would reject.
 */
export interface PeerEvent {
  readonly provider: string;
  readonly providerGuid: string;
  readonly eventId: number;
  readonly recordId: bigint;
  readonly systemTime: string;
  readonly channel: string;
  readonly computer: string;
  readonly data: ReadonlyArray<{ readonly name: string; readonly value: string }>;
}

export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    switch (e) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return "'";
      default: {
        const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
    }
  });
}

function one(block: string, re: RegExp): string {
  return re.exec(block)?.[1] ?? '';
}

export function parsePeerXml(text: string): PeerEvent[] {
  const events: PeerEvent[] = [];
  const blocks = text.split(/(?=<Event[ >])/).filter((b) => b.startsWith('<Event'));
  for (const raw of blocks) {
    const end = raw.indexOf('</Event>');
    const block = end >= 0 ? raw.slice(0, end) : raw;
    const data: Array<{ name: string; value: string }> = [];
    const dataSection = block.slice(block.indexOf('<EventData'));
    const re = /<Data Name="([^"]*)"\s*(?:\/>|>([\s\S]*?)<\/Data>)/g;
    for (let m = re.exec(dataSection); m !== null; m = re.exec(dataSection)) {
      data.push({ name: unescapeXml(m[1] ?? ''), value: unescapeXml(m[2] ?? '') });
    }
    events.push({
      provider: unescapeXml(one(block, /<Provider Name="([^"]*)"/)),
      providerGuid: one(block, /<Provider [^>]*Guid="([^"]*)"/),
      eventId: Number(one(block, /<EventID[^>]*>(\d+)<\/EventID>/)),
      recordId: BigInt(one(block, /<EventRecordID>(\d+)<\/EventRecordID>/) || '0'),
      systemTime: one(block, /<TimeCreated SystemTime="([^"]*)"/),
      channel: unescapeXml(one(block, /<Channel>([^<]*)<\/Channel>/)),
      computer: unescapeXml(one(block, /<Computer>([^<]*)<\/Computer>/)),
      data,
    });
  }
  return events;
}
