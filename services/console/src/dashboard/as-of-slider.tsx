import { StepSlider } from '../common/step-slider';

const HOUR = 3_600_000;

/**
 * Moves every figure of the dashboard to a past moment, an hour at a time from the go-live
 * to now; at its right end the dashboard is live again.
 */
export const AsOfSlider = ({
  from,
  asOf,
  onChange,
}: {
  from: string;
  asOf: string | undefined;
  onChange: (asOf: string | undefined) => void;
}) => {
  const start = new Date(from).getTime();
  const hours = Math.max(1, Math.ceil((Date.now() - start) / HOUR));
  const value = asOf ? Math.round((new Date(asOf).getTime() - start) / HOUR) : hours;
  const label = asOf ? new Date(asOf).toLocaleString() : 'now (live)';
  return (
    <StepSlider
      id="as-of"
      label="As of"
      max={hours}
      value={value}
      valueText={label}
      onChange={(chosen) =>
        onChange(chosen >= hours ? undefined : new Date(start + chosen * HOUR).toISOString())
      }
    />
  );
};
