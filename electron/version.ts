declare const __APP_VERSION__: string;

/** package.json's version, fixed at build time (Electron's app.getVersion() says the same). */
export const APP_VERSION: string = __APP_VERSION__;
