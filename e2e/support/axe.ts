import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * "Label in name" (WCAG 2.5.3): axe tags it wcag21a but keeps it experimental, off unless asked for. An explicit
 * `enabled` in the rules wins over the tag filter, so it runs together with the tagged rules.
 */
const EXTRA_RULES = ['label-content-name-mismatch'];

/**
 * Waits until the page has stopped moving: no requests for a moment, no skeleton or spinner, no running CSS
 * animation or transition (antd fades drawers, tabs and menus in; contrast read mid-fade is wrong).
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await page.waitForFunction(
    () =>
      !document.querySelector('.ant-skeleton, .ant-spin-spinning, .ant-spin-dot-spin')
      && document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    undefined,
    { timeout: 10_000, polling: 100 },
  );
  await page.waitForTimeout(150);
}

/**
 * Runs axe-core's WCAG 2.1 AA rules (and label-in-name) on the page as it is now and returns one readable line per
 * failing element: "rule (impact): what is wrong — target — html", empty when the page passes.
 * `exclude` takes exact selectors of third-party parts the project cannot change; each needs its reason where it is passed.
 */
export async function axeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page })
    .options({ rules: Object.fromEntries(EXTRA_RULES.map((id) => [id, { enabled: true }])) })
    .withTags(WCAG_21_AA);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const ran = new Set([...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((r) => r.id));
  const missing = EXTRA_RULES.filter((id) => !ran.has(id));
  if (missing.length) throw new Error(`axe did not run ${missing.join(', ')}`);
  return results.violations.flatMap((v) =>
    v.nodes.map((node) => {
      const html = node.html.replace(/\s+/g, ' ').slice(0, 160);
      const detail = (node.failureSummary ?? '')
        .split('\n')
        .slice(1)
        .map((s) => s.trim())
        .filter(Boolean)
        .join(' ')
        .slice(0, 200);
      return `${v.id} (${v.impact ?? node.impact ?? '?'}): ${detail || v.help} — ${node.target.join(' ')} — ${html}`;
    }),
  );
}
