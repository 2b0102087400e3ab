// Reads an ISO 20022 camt.053 (statement) or camt.054 (debit/credit notification) document
// into plain entries (pure, no I/O). Safety first: the size is bounded by the caller, and any
// DOCTYPE or ENTITY declaration is refused before parsing — camt never needs one, and without
// a DTD there is no external entity (XXE) and no entity expansion (billion laughs). The
// parser is also told not to process entities, so nothing is expanded even if one slipped by.
import { XMLParser } from 'fast-xml-parser';

export interface CamtEntry {
  /** The statement / notification it belongs to (its Id) and its place there. */
  recordId: string;
  index: number;
  account: string | null;
  amount: string;
  currency: string;
  creditDebit: 'CRDT' | 'DBIT';
  reversal: boolean;
  status: string | null;
  bookingDate: string | null;
  valueDate: string | null;
  accountServicerRef: string | null;
  uetr: string | null;
  endToEndId: string | null;
  payerName: string | null;
  /** Structured references (creditor reference, referred document numbers), then the free texts. */
  references: string[];
  unstructured: string[];
}

export interface CamtDocument {
  kind: 'camt.053' | 'camt.054';
  messageId: string | null;
  entries: CamtEntry[];
}

export class CamtFormatError extends Error {}

const ARRAYS = new Set(['Stmt', 'Ntfctn', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'RfrdDocInf', 'Bal']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;
const node = (value: unknown): Node => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : {});
const list = (value: unknown): Node[] => (Array.isArray(value) ? value.map(node) : value === undefined ? [] : [node(value)]);
// Entity processing is off (no DTD is ever expanded), so the five predefined XML entities and
// character references are decoded here: "Smith &amp; Sons" is the payer Smith & Sons.
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXmlText = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (whole, name: string) => {
    if (!name.startsWith('#')) return PREDEFINED[name]!;
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : decodeXmlText(value.trim());
  if (typeof value === 'object' && value !== null && '#text' in value) return str((value as Node)['#text']);
  return null;
}
const strings = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(str).filter((s): s is string => s !== null);

/** A DTD is how both XXE and entity expansion start; camt documents have none. */
export function findForbiddenMarkup(xml: string): string | null {
  const match = /<!(DOCTYPE|ENTITY)/i.exec(xml);
  return match ? `<!${match[1]!.toUpperCase()}` : null;
}

const date = (value: unknown): string | null => str(node(value).Dt) ?? str(node(value).DtTm);

function readEntry(entry: Node, recordId: string, index: number, account: string | null): CamtEntry {
  const amt = entry.Amt;
  const amount = str(amt);
  const currency = str(node(amt)['@_Ccy']);
  const indicator = str(entry.CdtDbtInd);
  if (!amount || !/^\d{1,18}(\.\d{1,5})?$/.test(amount)) throw new CamtFormatError(`Entry ${index + 1} of ${recordId}: Amt must be a decimal amount, got ${JSON.stringify(amount)}.`);
  if (!currency || !/^[A-Z]{3}$/.test(currency)) throw new CamtFormatError(`Entry ${index + 1} of ${recordId}: Amt needs a Ccy attribute (ISO 4217).`);
  if (indicator !== 'CRDT' && indicator !== 'DBIT') throw new CamtFormatError(`Entry ${index + 1} of ${recordId}: CdtDbtInd must be CRDT or DBIT.`);

  const txs = list(entry.NtryDtls).flatMap((d) => list(d.TxDtls));
  const refs = txs.map((t) => node(t.Refs));
  const firstOf = (pick: (n: Node) => unknown) => refs.map((r) => str(pick(r))).find((v) => v !== null) ?? null;
  const endToEnd = firstOf((r) => r.EndToEndId);
  const debtor = txs.map((t) => node(node(t.RltdPties).Dbtr)).map((d) => str(d.Nm) ?? str(node(d.Pty).Nm)).find((v) => v !== null) ?? null;
  const remittance = txs.map((t) => node(t.RmtInf));
  const structured = remittance.flatMap((r) => list(r.Strd));
  const references = [
    ...structured.flatMap((s) => list(s.RfrdDocInf).map((d) => str(d.Nb))),
    ...structured.map((s) => str(node(s.CdtrRefInf).Ref)),
  ].filter((v): v is string => v !== null);

  return {
    recordId,
    index,
    account,
    amount,
    currency,
    creditDebit: indicator,
    reversal: str(entry.RvslInd) === 'true',
    status: str(entry.Sts) ?? str(node(entry.Sts).Cd),
    bookingDate: date(entry.BookgDt),
    valueDate: date(entry.ValDt),
    accountServicerRef: str(entry.AcctSvcrRef) ?? firstOf((r) => r.AcctSvcrRef),
    uetr: firstOf((r) => r.UETR),
    endToEndId: endToEnd === 'NOTPROVIDED' ? null : endToEnd,
    payerName: debtor,
    references: [...new Set(references)],
    unstructured: remittance.flatMap((r) => strings(r.Ustrd)),
  };
}

export function parseCamtXml(xml: string): CamtDocument {
  const forbidden = findForbiddenMarkup(xml);
  if (forbidden) throw new CamtFormatError(`The document declares ${forbidden}: DTDs and entities are refused (camt needs none).`);
  let parsed: Node;
  try {
    parsed = node(parser.parse(xml, true));
  } catch (error) {
    throw new CamtFormatError(`Not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const doc = node(parsed.Document);
  const statement = node(doc.BkToCstmrStmt);
  const notification = node(doc.BkToCstmrDbtCdtNtfctn);
  const kind = doc.BkToCstmrStmt !== undefined ? 'camt.053' : doc.BkToCstmrDbtCdtNtfctn !== undefined ? 'camt.054' : null;
  if (!kind) throw new CamtFormatError('Expected a camt.053 (Document/BkToCstmrStmt) or camt.054 (Document/BkToCstmrDbtCdtNtfctn) document.');
  const root = kind === 'camt.053' ? statement : notification;
  const records = list(kind === 'camt.053' ? root.Stmt : root.Ntfctn);
  const entries = records.flatMap((record, r) => {
    const recordId = str(record.Id) ?? `record-${r + 1}`;
    const acctId = node(node(record.Acct).Id);
    const account = str(acctId.IBAN) ?? str(node(acctId.Othr).Id);
    return list(record.Ntry).map((entry, i) => readEntry(entry, recordId, i, account));
  });
  return { kind, messageId: str(node(root.GrpHdr).MsgId), entries };
}
