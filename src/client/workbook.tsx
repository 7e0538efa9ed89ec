/** Entry of the workbook bundle (a classic script). */
import { mountWorkbook } from '../islands/Workbook';

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => mountWorkbook());
else mountWorkbook();
