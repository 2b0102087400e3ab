// A labelled <select> of plain values (entity names, systems, SKUs) for the admin forms.
import { formControl, formLabel } from './action-error-text';

export function SelectField({ name, label, options, defaultValue }: { name: string; label: string; options: readonly string[]; defaultValue?: string }) {
  return (
    <label className={formLabel}>
      {label}
      <select name={name} defaultValue={defaultValue} className={formControl}>
        {options.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
    </label>
  );
}
