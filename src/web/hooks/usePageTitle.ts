import { useEffect } from 'react';

export const PRODUCT_NAME = 'Bồi dưỡng';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${PRODUCT_NAME}` : PRODUCT_NAME;
  }, [title]);
}
