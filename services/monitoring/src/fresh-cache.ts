/**
 * Values read again once older than `ms`: for what an alert storm would otherwise read on every
 * request though it rarely changes (a period's status, its policy). A change takes up to `ms`
 * to be seen by a process that did not make it. Nothing found is not kept: it is asked again.
 */
export class FreshCache<Value> {
  private readonly entries = new Map<string, { read: number; value: Value }>();

  constructor(private readonly ms: number) {}

  async get(key: string, load: () => Promise<Value>): Promise<Value> {
    const entry = this.entries.get(key);
    if (entry && Date.now() - entry.read < this.ms) return entry.value;
    const value = await load();
    if (value !== undefined) this.set(key, value);
    return value;
  }

  set(key: string, value: Value): void {
    this.entries.set(key, { read: Date.now(), value });
  }
}
