import type { ReactNode } from 'react';

/** A labelled control with the service's message for it, when a refusal named its field. */
export const Field = ({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: ReactNode;
}) => (
  <div className="field">
    <label htmlFor={id}>{label}</label>
    {children}
    {error && (
      <p className="error" id={`${id}-error`}>
        {error}
      </p>
    )}
  </div>
);

/** The attributes a control takes when its field was refused: marked invalid, pointing at the message. */
export const invalidWhen = (id: string, error: string | undefined) =>
  error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
