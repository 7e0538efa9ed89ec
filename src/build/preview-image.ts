/**
 * The social preview image of a page type: a 1200 x 630 PNG with the guide's name and the page
 * type, drawn from an SVG by resvg at build time. The text is set in Noto Sans, from the
 * @expo-google-fonts/noto-sans package: no font is fetched and no system font is used, so every
 * machine draws the same image.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

export const WIDTH = 1200;
export const HEIGHT = 630;
export const SITE_NAME = 'Public Systems Field Guide';

const require = createRequire(import.meta.url);
const FONT_FILES = [
  require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
];

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The picture, as SVG; colours are the light theme's (src/styles/global.css). */
export function previewSvg(label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <rect width="${WIDTH}" height="${HEIGHT}" fill="#fbfaf7"/>
  <rect width="${WIDTH}" height="24" fill="#0b5d4b"/>
  <g transform="translate(96 118) scale(3.5)" fill="none" stroke="#0b5d4b" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">
    <circle cx="16" cy="16" r="14"/>
    <path d="M9 17l5 5 9-11"/>
  </g>
  <text x="96" y="330" font-family="Noto Sans" font-weight="700" font-size="72" fill="#1d2421">${escapeXml(SITE_NAME)}</text>
  <text x="96" y="420" font-family="Noto Sans" font-weight="400" font-size="48" fill="#0b5d4b">${escapeXml(label)}</text>
  <text x="96" y="540" font-family="Noto Sans" font-weight="400" font-size="30" fill="#4a5550">Guidance and worksheets. Your answers stay on your device.</text>
</svg>`;
}

/** The PNG bytes of a page type's preview image. */
export function previewPng(label: string): Buffer {
  const resvg = new Resvg(previewSvg(label), {
    fitTo: { mode: 'width', value: WIDTH },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' },
  });
  return resvg.render().asPng();
}
