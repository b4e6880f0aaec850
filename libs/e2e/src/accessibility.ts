import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Axe's serious and critical findings on the page as it stands, as `rule: target` lines. */
export const accessibilityFindings = async (page: Page): Promise<string[]> => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter(({ impact }) => impact === 'serious' || impact === 'critical')
    .flatMap(({ id, nodes }) => nodes.map(({ target }) => `${id}: ${target.join(' ')}`));
};
