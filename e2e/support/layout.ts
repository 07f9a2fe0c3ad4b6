import type { Page } from 'playwright-core';

/**
 * How far the page scrolls sideways, and the widest elements that stick out of the viewport (not counting content
 * inside an element that scrolls by itself, such as a table's own scroll box).
 */
export async function horizontalOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const scrollsItself = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const style = getComputedStyle(e);
        if ((style.overflowX === 'auto' || style.overflowX === 'scroll' || style.overflowX === 'hidden') && e.scrollWidth >= e.clientWidth)
          return true;
      }
      return false;
    };
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !scrollsItself(el.parentElement))
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${String((el as HTMLElement).className || '')
            .split(' ')
            .slice(0, 2)
            .join('.')} → ${Math.round(el.getBoundingClientRect().right)}`,
      )
      .slice(0, 8);
    return { overflow: root.scrollWidth - width, culprits };
  });
}
