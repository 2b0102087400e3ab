// The way out of an empty or refused queue view, on the server and in the browser.
import Link from 'next/link';

export const queueResetLink = (
  <Link href="/exceptions" className="text-sm font-medium text-accent hover:text-accent-strong">
    Show the default queue
  </Link>
);
