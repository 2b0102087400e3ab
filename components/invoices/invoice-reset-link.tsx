// The way out of an empty or refused invoices view, on the server and in the browser.
import Link from 'next/link';

export const invoiceResetLink = (
  <Link href="/invoices" className="text-sm font-medium text-accent hover:text-accent-strong">
    Show all invoices
  </Link>
);
