/** Entry of the worksheet bundle (a classic script). */
import { mountWorksheets } from '../islands/mount';

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => mountWorksheets());
else mountWorksheets();
