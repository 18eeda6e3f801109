import { describe, expect, it } from 'vitest';
import { EXTERNAL_HOST_ALLOWLIST, isAppNavigation, isSafeExternalUrl } from '../../src/main/security';

describe('isSafeExternalUrl', () => {
  it.each([
    'https://polisen.se/aktuellt/handelser/',
    'https://www.polisen.se/',
    'https://bra.se/statistik',
    'https://www.scb.se/hitta-statistik/?q=brott#x',
    'https://lagen.nu/1998:204',
    'https://www.riksdagen.se/sv/dokument-och-lagar/',
    'HTTPS://POLISEN.SE/',
  ])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['http:', 'http://polisen.se/'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['custom protocol', 'ms-msdt:/id PCWDiagnostic'],
    ['user name in URL', 'https://user@polisen.se/'],
    ['password in URL', 'https://user:secret@polisen.se/'],
    ['unknown host', 'https://example.com/'],
    ['look-alike host', 'https://polisen.se.example.com/'],
    ['subdomain not on the list', 'https://evil.polisen.se/'],
    ['suffix trick', 'https://notpolisen.se/'],
    ['explicit port', 'https://polisen.se:8443/'],
    ['not a URL', 'polisen.se'],
    ['empty', ''],
  ])('refuses %s', (_why, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('has only bare hosts in the allowlist', () => {
    for (const host of EXTERNAL_HOST_ALLOWLIST) expect(host).toMatch(/^[a-z0-9.-]+$/);
  });
});

describe('isAppNavigation', () => {
  const fileApp = 'file:///opt/L%C3%A4gesbild/out/renderer/index.html';

  it('accepts the app file itself, with a hash route or query', () => {
    expect(isAppNavigation(fileApp, fileApp)).toBe(true);
    expect(isAppNavigation(`${fileApp}#/handelser`, fileApp)).toBe(true);
    expect(isAppNavigation(`${fileApp}?x=1#/rapport`, fileApp)).toBe(true);
  });

  it('treats differently percent-encoded spellings of the same file as the same', () => {
    expect(isAppNavigation('file:///opt/Lägesbild/out/renderer/index.html', fileApp)).toBe(true);
  });

  it('refuses other files and other schemes', () => {
    expect(isAppNavigation('file:///opt/L%C3%A4gesbild/out/renderer/other.html', fileApp)).toBe(false);
    expect(isAppNavigation('file:///etc/passwd', fileApp)).toBe(false);
    expect(isAppNavigation('https://polisen.se/', fileApp)).toBe(false);
    expect(isAppNavigation('javascript:alert(1)', fileApp)).toBe(false);
    expect(isAppNavigation('file://otherhost/opt/L%C3%A4gesbild/out/renderer/index.html', fileApp)).toBe(false);
  });

  it('accepts the same origin for the dev server and nothing else', () => {
    const dev = 'http://localhost:5173/';
    expect(isAppNavigation('http://localhost:5173/#/handelser', dev)).toBe(true);
    expect(isAppNavigation('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppNavigation('http://localhost:5174/', dev)).toBe(false);
    expect(isAppNavigation('https://localhost:5173/', dev)).toBe(false);
    expect(isAppNavigation('http://127.0.0.1:5173/', dev)).toBe(false);
  });

  it('refuses anything when either URL does not parse', () => {
    expect(isAppNavigation('not a url', fileApp)).toBe(false);
    expect(isAppNavigation(fileApp, 'not a url')).toBe(false);
    expect(isAppNavigation('about:blank', 'about:blank')).toBe(false);
  });
});
