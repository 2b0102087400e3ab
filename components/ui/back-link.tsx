import Link from 'next/link';

/** The way back from a detail page to its list. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link href={href} className="mb-3 inline-block text-sm text-ink-muted hover:text-ink">
      ← {children}
    </Link>
  );
}
