/** Injection token of the service's Clock (system time, or a ManualClock in tests and the demo). */
export const CLOCK = Symbol('CLOCK');
