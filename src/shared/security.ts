/**
 * The Content Security Policy for the app's own pages, sent by both the browser host and the Electron
 * main process. No 'unsafe-eval'; inline styles are allowed for the grid and chart libraries.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
