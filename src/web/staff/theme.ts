import type { ThemeConfig } from 'antd';

/**
 * antd's defaults fail WCAG contrast in a few places (white on #1677ff is 4.1:1, secondary and
 * description text 0.45 black is 3.4:1, hover colours are lighter still); these tokens bring
 * every text above 4.5:1. Sizes follow WCAG 2.2 as the staff app's rule: no text under 14 px
 * (antd draws tags, badges, table filters and small steps at fontSizeSM, 12 px by default) and no
 * target under 24 px (test/e2e/sizes.spec.ts measures both on every page).
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    // hover and press get darker, not lighter, so text under the pointer keeps its contrast
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorError: '#cf1322',
    colorSuccess: '#237804',
    fontSizeSM: 14,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
};
