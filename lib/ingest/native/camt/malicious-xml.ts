// Hostile XML documents for the tests of the camt import: an external entity (XXE) reading a
// local file, and the "billion laughs" entity expansion (10 levels of 10 → 10^9 "lol"s).
export const externalEntityXml = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE Document [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>&xxe;</Id></Stmt></BkToCstmrStmt></Document>`;

const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n  ');
export const billionLaughsXml = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol0 "lol">
  ${levels}
]>
<Document><BkToCstmrStmt><Stmt><Id>&lol9;</Id></Stmt></BkToCstmrStmt></Document>`;

/** An internal DTD that names no entity: still refused (camt never needs a DOCTYPE). */
export const lowercaseDoctypeXml = '<?xml version="1.0"?><!doctype Document><Document><BkToCstmrStmt/></Document>';
