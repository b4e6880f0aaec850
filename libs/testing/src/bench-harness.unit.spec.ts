import { benchSetting } from './bench-harness';

describe('benchSetting', () => {
  const name = 'BENCH_TEST_SETTING';
  afterEach(() => {
    delete process.env[name];
  });

  it('gives the fallback when the setting is unset or empty', () => {
    expect(benchSetting(name, 3)).toBe(3);
    process.env[name] = '';
    expect(benchSetting(name, 3)).toBe(3);
  });

  it('reads a positive number', () => {
    process.env[name] = '2.5';
    expect(benchSetting(name, 3)).toBe(2.5);
  });

  it.each(['abc', '0', '-1', 'Infinity'])('refuses %s, naming the setting and the value', (raw) => {
    process.env[name] = raw;
    expect(() => benchSetting(name, 3)).toThrow(`${name} must be a positive number, got "${raw}"`);
  });
});
