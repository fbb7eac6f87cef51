import packageJson from '../../package.json';

/** One version, the package's. */
export const VERSION: string = packageJson.version;
