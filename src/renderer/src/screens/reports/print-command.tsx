/**
 * "Skriv ut / Spara som PDF": the desktop menu (Arkiv, Ctrl+P) sends the app event
 * `{ type: 'menu.command', command: 'print' }`. The open report registers what printing means (its PDF
 * export, personal-data review first); with no report open, a short message says what to do.
 */
import { useCallback, useEffect, useState } from 'react';
import { Toast, type ToastMessage } from '../../components/Toast';
import { onAppEvent } from '../../lib/client';

let printHandler: (() => void) | null = null;

/** The open report's print; returns the unregister function (for an effect's cleanup). */
export function setPrintHandler(handler: () => void): () => void {
  printHandler = handler;
  return () => {
    if (printHandler === handler) printHandler = null;
  };
}

/** Runs the open report's print; false when no report is open. */
export function runPrint(): boolean {
  if (!printHandler) return false;
  printHandler();
  return true;
}

/** Listens for the menu's print command and answers it (the browser host has no menu, but passes the event on). */
export function PrintCommand() {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const close = useCallback(() => setToast(null), []);
  useEffect(() => {
    return onAppEvent((event) => {
      if (event.type !== 'menu.command' || event.command !== 'print') return;
      if (!runPrint()) setToast({ id: Date.now(), kind: 'info', text: 'Öppna en rapport för att skriva ut den.' });
    });
  }, []);
  return <Toast toast={toast} onClose={close} />;
}
