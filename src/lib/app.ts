/** The guide as an installed app: its names and colours (the manifest, src/build/pwa.ts, and every page's theme colour). */
export const APP_NAME = 'Public Systems Field Guide';
export const APP_SHORT_NAME = 'Field Guide';
/** The palette of src/styles/global.css: `--accent` and `--bg` of the light theme. */
export const THEME_COLOUR = '#0b5d4b';
export const BACKGROUND_COLOUR = '#fbfaf7';
