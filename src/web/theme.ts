import type { ThemeConfig } from 'antd';

export const BRAND_COLOR = '#0b4ea2';

/**
 * Text colours meet WCAG 2.1 AA (≥ 4.5:1) on white and on the grey page background (checked by
 * e2e/accessibility.e2e.ts): antd's defaults draw secondary text at 45% black (3.4:1), placeholders at 25% and
 * the light tags' text in the 7th shade of each colour (green, orange, gold, cyan ≈ 3:1), so those are darker here.
 */
const SECONDARY_TEXT = 'rgba(0, 0, 0, 0.6)';
const ERROR_COLOR = '#cf1322';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_COLOR,
    colorLink: BRAND_COLOR,
    colorError: ERROR_COLOR,
    colorTextTertiary: SECONDARY_TEXT,
    colorTextDescription: SECONDARY_TEXT,
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    borderRadius: 6,
    fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f3f5f9', headerPadding: '0 16px', headerHeight: 56 },
    Menu: { itemBorderRadius: 6 },
    // A table's "no rows" line is drawn in the disabled grey (1.8:1); it is text to read, so secondary instead.
    Table: { headerBg: '#f5f7fb', colorTextDisabled: SECONDARY_TEXT },
    // An unchecked switch writes its white label ("Không") on the quaternary grey (1.8:1): darker track, darker on hover.
    Switch: { colorTextQuaternary: SECONDARY_TEXT, colorTextTertiary: 'rgba(0, 0, 0, 0.75)' },
    // Only the tags' text: their light backgrounds and borders stay antd's.
    Tag: {
      green7: '#237804',
      orange7: '#ad4e00',
      gold7: '#874d00',
      cyan7: '#006d75',
      volcano7: '#ad2102',
      lime7: '#3f6600',
      magenta7: '#9e1068',
      colorSuccess: '#237804',
      colorWarning: '#ad4e00',
      colorError: ERROR_COLOR,
      colorInfo: '#0958d9',
    },
  },
};
