/** Written by the pdf bundle's build (src/build/client-bundles.ts): the subset fonts as base64. */
declare module 'virtual:psfg-pdf-fonts' {
  export const FONTS: { regular: string; bold: string };
}
