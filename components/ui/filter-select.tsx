'use client';
// A labelled <select> of a GET filter form (the value travels in the URL). `onChange` lets a
// form react to a choice (the dashboard shows its custom dates); without it, it is inert.
const selectClass = 'rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-ink';

export function FilterSelect({ name, label, value, options, onChange, testId }: { name: string; label: string; value: string; options: readonly (readonly [string, string])[]; onChange?: (value: string) => void; testId?: string }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-ink-muted">
      {label}
      <select name={name} defaultValue={value} className={selectClass} onChange={onChange ? (e) => onChange(e.target.value) : undefined} data-testid={testId}>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </label>
  );
}
