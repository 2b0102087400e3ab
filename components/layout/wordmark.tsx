// Threadline's wordmark: a thread running through three points, and the name.
export function Wordmark({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const box = size === 'lg' ? 'h-8 w-8' : 'h-6 w-6';
  return (
    <span className="inline-flex items-center gap-2 text-ink">
      <svg viewBox="0 0 24 24" aria-hidden="true" className={`${box} text-accent`} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
        <path d="M3 17c4 0 4-10 9-10s5 10 9 10" />
        <circle cx="3" cy="17" r="1.6" fill="currentColor" stroke="none" />
        <circle cx="12" cy="7" r="1.6" fill="currentColor" stroke="none" />
        <circle cx="21" cy="17" r="1.6" fill="currentColor" stroke="none" />
      </svg>
      <span className={`font-semibold tracking-tight ${size === 'lg' ? 'text-2xl' : 'text-base'}`}>Threadline</span>
    </span>
  );
}
