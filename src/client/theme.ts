/**
 * Runs in <head> before the first paint: applies the theme the reader chose, if any. Without a
 * choice the CSS follows the system setting (prefers-color-scheme).
 */
import { KEYS } from '../lib/storage-keys';

try {
  const theme = window.localStorage.getItem(KEYS.theme);
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset['theme'] = theme;
} catch {
  // Storage blocked: follow the system setting.
}
