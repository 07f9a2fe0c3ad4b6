import type { ThemeConfig } from 'antd';

export const BRAND_COLOR = '#0b4ea2';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_COLOR,
    colorLink: BRAND_COLOR,
    borderRadius: 6,
    fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f3f5f9', headerPadding: '0 16px', headerHeight: 56 },
    Menu: { itemBorderRadius: 6 },
    Table: { headerBg: '#f5f7fb' },
  },
};
