/**
 * The guide's version, from package.json (the one place it is set). Shown in the footer and on
 * /about/; backups and the offline copy's banner carry it too. What changed for readers in each
 * version is in CHANGELOG.md.
 */
import { version } from '../../package.json';

export const GUIDE_VERSION: string = version;
