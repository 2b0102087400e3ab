// How long a large statement takes to import and to re-import (all duplicates), through the
// real handler and inbox. Opt-in (it only measures): MEASURE_CAMT=1 npx vitest run --project
// integration lib/ingest/native/camt/camt-import-throughput
import { describe, expect, it } from 'vitest';
import { testConnector } from '../../../../test/support/ingest.ts';
import { signPayload } from '../../auth/signature.ts';
import { handleCamtImport } from './handle-camt-import.ts';

const CREDITS = 5_000;

describe.skipIf(!process.env.MEASURE_CAMT)('camt import throughput', () => {
  it(`${CREDITS} credits: first import, then the same file again`, async () => {
    const bank = await testConnector({ code: 'bank-measure', kind: 'BANK', sources: ['/test/bank-measure'] });
    const entries = Array.from(
      { length: CREDITS },
      (_, i) => `<Ntry><Amt Ccy="EUR">${(i + 1) * 3}.25</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><ValDt><Dt>2026-03-02</Dt></ValDt><AcctSvcrRef>M-${i}</AcctSvcrRef>` +
        `<NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Payer ${i}</Nm></Dbtr></RltdPties><RmtInf><Strd><RfrdDocInf><Nb>INV-${i}</Nb></RfrdDocInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>`,
    );
    const xml = `<Document><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId></GrpHdr><Stmt><Id>S</Id>${entries.join('')}</Stmt></BkToCstmrStmt></Document>`;
    const post = () =>
      handleCamtImport(new Request('http://threadline.test/api/v1/imports/camt053', {
        method: 'POST',
        headers: { authorization: `Bearer ${bank.token}`, 'content-type': 'application/xml', 'threadline-signature': signPayload(bank.signingSecret!, xml) },
        body: xml,
      }));
    for (const expected of ['accepted', 'duplicates'] as const) {
      const started = performance.now();
      const answer = await (await post()).json();
      const ms = performance.now() - started;
      expect(answer[expected]).toBe(CREDITS);
      console.log(`camt import, ${expected}: ${CREDITS} credits, ${(xml.length / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms (${((CREDITS / ms) * 1000).toFixed(0)} entries/s)`);
    }
  }, 120_000);
});
