// Builds a camt.053.001.02 bank-to-customer statement (ISO 20022) from the simulated bank's
// booked credits, by code: group header, one Stmt for the account with opening and closing
// booked balances (OPBD, CLBD: opening + the credits), and one Ntry per credit with the
// bank's own reference (AcctSvcrRef, which Threadline dedupes on), booking and value date,
// the debtor's name and the remittance: structured (CdtrRefInf/Ref) when the payer quoted an
// invoice number, else unstructured (Ustrd). Amounts are decimal strings, summed exactly.
import { dec, sum } from '../../lib/domain/money/decimal.ts';

export interface BankCredit {
  accountServicerRef: string;
  amount: string;
  currency: string;
  debtorName: string;
  /** The invoice number the payer quoted (structured remittance). */
  invoiceNumber?: string;
  /** Free text the payer typed (unstructured remittance). */
  remittanceText?: string;
  bookingDate: string;
  valueDate: string;
}

export interface Statement {
  messageId: string;
  statementId: string;
  sequence: number;
  iban: string;
  currency: string;
  openingBalance: string;
  createdAt: string;
  credits: BankCredit[];
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export function closingBalance(statement: Pick<Statement, 'openingBalance' | 'credits'>): string {
  return sum([dec(statement.openingBalance), ...statement.credits.map((c) => dec(c.amount))]).toFixed(2);
}

function balance(code: 'OPBD' | 'CLBD', amount: string, currency: string, date: string): string {
  return `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="${currency}">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
}

function entry(credit: BankCredit): string {
  const remittance = credit.invoiceNumber
    ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${escapeXml(credit.invoiceNumber)}</Ref></CdtrRefInf></Strd>`
    : credit.remittanceText
      ? `<Ustrd>${escapeXml(credit.remittanceText.slice(0, 140))}</Ustrd>`
      : '';
  return [
    `<Ntry><Amt Ccy="${credit.currency}">${credit.amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><RvslInd>false</RvslInd><Sts>BOOK</Sts>`,
    `<BookgDt><Dt>${credit.bookingDate}</Dt></BookgDt><ValDt><Dt>${credit.valueDate}</Dt></ValDt>`,
    `<AcctSvcrRef>${escapeXml(credit.accountServicerRef)}</AcctSvcrRef>`,
    `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>`,
    `<NtryDtls><TxDtls><Refs><AcctSvcrRef>${escapeXml(credit.accountServicerRef)}</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>`,
    `<AmtDtls><TxAmt><Amt Ccy="${credit.currency}">${credit.amount}</Amt></TxAmt></AmtDtls>`,
    `<RltdPties><Dbtr><Nm>${escapeXml(credit.debtorName)}</Nm></Dbtr></RltdPties>`,
    remittance ? `<RmtInf>${remittance}</RmtInf>` : '',
    `</TxDtls></NtryDtls></Ntry>`,
  ].join('');
}

export function camt053Xml(statement: Statement): string {
  const day = statement.createdAt.slice(0, 10);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<BkToCstmrStmt><GrpHdr><MsgId>${escapeXml(statement.messageId)}</MsgId><CreDtTm>${statement.createdAt}</CreDtTm></GrpHdr>`,
    `<Stmt><Id>${escapeXml(statement.statementId)}</Id><ElctrncSeqNb>${statement.sequence}</ElctrncSeqNb><CreDtTm>${statement.createdAt}</CreDtTm>`,
    `<Acct><Id><IBAN>${statement.iban}</IBAN></Id><Ccy>${statement.currency}</Ccy></Acct>`,
    balance('OPBD', statement.openingBalance, statement.currency, day),
    balance('CLBD', closingBalance(statement), statement.currency, day),
    `<TxsSummry><TtlCdtNtries><NbOfNtries>${statement.credits.length}</NbOfNtries></TtlCdtNtries></TxsSummry>`,
    ...statement.credits.map(entry),
    '</Stmt></BkToCstmrStmt></Document>',
  ].join('\n');
}
