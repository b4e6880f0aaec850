/** A labelled range over whole steps, saying where it stands in words (screen readers read `valueText`). */
export const StepSlider = ({
  id,
  label,
  max,
  value,
  valueText,
  onChange,
}: {
  id: string;
  label: string;
  max: number;
  value: number;
  valueText: string;
  onChange: (step: number) => void;
}) => (
  <div className="as-of">
    <label htmlFor={id}>{label}</label>
    <input
      id={id}
      type="range"
      min={0}
      max={max}
      value={value}
      aria-valuetext={valueText}
      onChange={(event) => onChange(Number(event.target.value))}
    />
    <output htmlFor={id}>{valueText}</output>
  </div>
);
