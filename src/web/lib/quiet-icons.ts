/**
 * antd's icons announce themselves with English names ("user-add", "down", "left") that leak into the accessible
 * names of buttons ("user-add Thêm người"). Every icon here is decorative — buttons carry their own text or
 * aria-label — so hide them from assistive technology (except an icon that is the control itself, named by its
 * owner), give the pager's arrow buttons the Vietnamese title of their list item, and name the icon-only search
 * buttons and column filters antd leaves nameless. A table that scrolls sideways copies its column titles into a
 * hidden measuring row, the row selection's "select all" checkbox too: that copy is taken out of the Tab order.
 */
/** The elements of root matching selector, root itself included. */
function within(root: ParentNode, selector: string): HTMLElement[] {
  const found = [...root.querySelectorAll<HTMLElement>(selector)];
  return root instanceof HTMLElement && root.matches(selector) ? [root, ...found] : found;
}

function quiet(root: ParentNode): void {
  for (const icon of root.querySelectorAll<HTMLElement>('.anticon[aria-label]')) {
    // An icon that is itself the control (a closable Tag's cross) keeps its name: hidden, it would be a nameless stop.
    if (icon.getAttribute('role') === 'button' || icon.tabIndex >= 0) continue;
    icon.removeAttribute('aria-label');
    icon.setAttribute('aria-hidden', 'true');
  }
  for (const button of root.querySelectorAll<HTMLElement>('.ant-pagination-prev > button, .ant-pagination-next > button')) {
    const title = button.parentElement?.getAttribute('title');
    if (title && button.getAttribute('aria-label') !== title) button.setAttribute('aria-label', title);
  }
  // Icon-only controls antd draws without a name: the search button of Input.Search, a table column's filter.
  for (const button of within(root, '.ant-input-search-btn:not([aria-label]), .ant-input-search-button:not([aria-label])')) {
    if (!button.textContent?.trim()) button.setAttribute('aria-label', 'Tìm');
  }
  const inside = root instanceof HTMLElement ? root.closest<HTMLElement>('.ant-table-measure-row') : null;
  for (const row of inside ? [inside] : within(root, '.ant-table-measure-row')) {
    for (const control of row.querySelectorAll<HTMLElement>('input, button, a[href], select, textarea, [tabindex]')) {
      if (control.tabIndex !== -1) control.tabIndex = -1;
    }
  }
  for (const trigger of within(root, '.ant-table-filter-trigger:not([aria-label])')) {
    const column = trigger.closest('th')?.querySelector('.ant-table-column-title')?.textContent?.trim();
    trigger.setAttribute('aria-label', column ? `Lọc theo ${column.toLowerCase()}` : 'Lọc');
  }
}

let started = false;

export function quietIcons(): void {
  if (started || typeof MutationObserver === 'undefined') return;
  started = true;
  quiet(document);
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      for (const node of m.addedNodes) {
        if (node instanceof HTMLElement) {
          if (node.matches('.anticon[aria-label]')) quiet(node.parentElement ?? node);
          else quiet(node);
        }
      }
      if (m.type === 'attributes' && m.target instanceof HTMLElement) quiet(m.target.parentElement ?? m.target);
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['title'] });
}
