import { useEffect, useState } from 'react';

const PHONE_QUERY = '(max-width: 767.98px)';

/** True below 768 px wide; read synchronously so the first render already has the right layout. */
export function useIsPhone(): boolean {
  const [isPhone, setIsPhone] = useState(() => window.matchMedia(PHONE_QUERY).matches);
  useEffect(() => {
    const media = window.matchMedia(PHONE_QUERY);
    const handleChange = () => setIsPhone(media.matches);
    media.addEventListener('change', handleChange);
    handleChange();
    return () => media.removeEventListener('change', handleChange);
  }, []);
  return isPhone;
}
