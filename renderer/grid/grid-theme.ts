/**
 * AG Grid's Quartz theme in the app's colours: every colour is one of app.css's variables,
 * which switch with light-dark(), so the grid follows the theme with no second theme object.
 * Dense: 28 px rows, 12.5 px text, as spreadsheets are.
 */
import { themeQuartz } from 'ag-grid-community';

export const gridTheme = themeQuartz.withParams({
  browserColorScheme: 'inherit',
  fontFamily: 'inherit',
  fontSize: 12.5,
  headerFontSize: 12,
  headerFontWeight: 600,
  backgroundColor: 'var(--surface)',
  foregroundColor: 'var(--text)',
  textColor: 'var(--text)',
  subtleTextColor: 'var(--text-3)',
  accentColor: 'var(--accent)',
  borderColor: 'var(--border)',
  chromeBackgroundColor: 'var(--surface-2)',
  headerBackgroundColor: 'var(--surface-2)',
  headerTextColor: 'var(--text-2)',
  oddRowBackgroundColor: 'var(--surface)',
  rowHoverColor: 'color-mix(in srgb, var(--accent) 5%, transparent)',
  selectedRowBackgroundColor: 'var(--accent-soft)',
  menuBackgroundColor: 'var(--surface)',
  inputBackgroundColor: 'var(--bg)',
  invalidColor: 'var(--danger)',
  rowHeight: 28,
  headerHeight: 32,
  spacing: 6,
  cellHorizontalPadding: 8,
  wrapperBorderRadius: 8,
  borderRadius: 5,
  iconSize: 14,
  columnBorder: true,
  cellEditingBorder: { color: 'var(--accent)', width: 2 },
  cellEditingShadow: 'none',
  focusShadow: { radius: 0, spread: 2, color: 'color-mix(in srgb, var(--focus) 35%, transparent)' },
  rangeSelectionBorderColor: 'var(--accent)',
});
