/** One place that maps content ids to URLs, so addresses stay stable (see the content guide). */
export function guideUrl(id: string): string {
  const path = id.replace(/^reference\//, '').replace(/(^|\/)index$/, '');
  return path ? `/${path}/` : '/';
}

export const worksheetUrl = (id: string): string => `/worksheets/${id}/`;
export const worksheetPrintUrl = (id: string): string => `/worksheets/${id}/print/`;
export const workbookUrl = (): string => '/workbook/';

/** "15 min", "1 h 30 min". */
export function minutes(n: number): string {
  if (n < 60) return `${n} min`;
  const h = Math.floor(n / 60);
  const m = n % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}
export const worksheetExampleUrl = (id: string): string => `/worksheets/${id}/example/`;
