/**
 * antd's icons announce themselves with English names ("user-add", "down", "left") that leak into the accessible
 * names of buttons ("user-add Thêm người"). Every icon here is decorative — buttons carry their own text or
 * aria-label — so hide them from assistive technology, and give the pager's arrow buttons the Vietnamese title
 * of their list item.
 */
function quiet(root: ParentNode): void {
  for (const icon of root.querySelectorAll<HTMLElement>('.anticon[aria-label]')) {
    icon.removeAttribute('aria-label');
    icon.setAttribute('aria-hidden', 'true');
  }
  for (const button of root.querySelectorAll<HTMLElement>('.ant-pagination-prev > button, .ant-pagination-next > button')) {
    const title = button.parentElement?.getAttribute('title');
    if (title && button.getAttribute('aria-label') !== title) button.setAttribute('aria-label', title);
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
