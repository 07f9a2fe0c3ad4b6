import { BRAND_COLOR } from '../theme.ts';

export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill={BRAND_COLOR} />
      <path
        d="M8 22.5V10.2c0-.7.5-1.2 1.2-1.2h5.3c2.8 0 4.6 1.4 4.6 3.7 0 1.5-.8 2.6-2.1 3.1 1.8.4 2.9 1.7 2.9 3.5 0 2.5-2 4.2-5 4.2H9.2c-.7 0-1.2-.3-1.2-1z"
        fill="#fff"
      />
      <circle cx="23.5" cy="21.5" r="2.5" fill="#fcd34d" />
    </svg>
  );
}
