/**
 * Enter in a date field confirms what was typed there; it must not also submit the surrounding form (the browser's
 * implicit submission sent the survey editor twice while the organiser was still typing a date). Only the default action
 * is cancelled — in the capture phase, before a picker could stop the event — so the picker still takes the key.
 */
export function installDateEnterGuard(target: Document = document): void {
  target.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Enter') return;
      const element = event.target as HTMLElement | null;
      if (element?.tagName === 'INPUT' && element.closest('.ant-picker')) event.preventDefault();
    },
    { capture: true },
  );
}
