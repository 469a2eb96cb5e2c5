// Switching VS Code's colour theme as a person does (Preferences: Color Theme), for the e2e screenshots of
// webviews in dark, light and high contrast.
import type { Page } from 'playwright-core';

// The names the theme picker lists (the setting values are "Default Dark Modern" and "Default Light Modern").
const THEMES = { dark: 'Dark Modern', light: 'Light Modern', contrast: 'Dark High Contrast' } as const;
const THEME_CLASS = { dark: 'vs-dark', light: 'vs', contrast: 'hc-black' } as const;

export type ThemeName = keyof typeof THEMES;

/** Switches the colour theme: Preferences: Color Theme, then the theme's name; waits for the workbench's class. */
export async function useTheme(page: Page, theme: ThemeName): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.fill('>Preferences: Color Theme');
  await page.locator('.quick-input-list .monaco-list-row[aria-label^="Preferences: Color Theme"]').first().click();
  // The theme list replaces the command list: wait for the picker's own rows, then filter (the list is virtual).
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: /Modern|Contrast|Default/ })
    .first()
    .waitFor();
  await input.fill(THEMES[theme]);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: THEMES[theme] }).first().click();
  const wanted = THEME_CLASS[theme];
  // A string expression: it runs in the page, and this file is compiled without the DOM library.
  await page.waitForFunction(
    `document.querySelector('.monaco-workbench')?.classList.contains('${wanted}')`,
    undefined,
    { timeout: 30_000 },
  );
  await page.waitForTimeout(700);
}
