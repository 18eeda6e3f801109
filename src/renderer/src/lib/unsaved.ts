/**
 * Text on screen that could not be saved (the rules refused it): leaving the screen by the menu asks
 * first, as switching löfte and closing the window do. One flag for the app; the screen that holds such
 * text sets it while it does.
 */
let unsaved = false;

export function setUnsaved(value: boolean): void {
  unsaved = value;
}

/** True when it is fine to leave: nothing unsaved, or the user chose to leave anyway. */
export function confirmLeave(): boolean {
  return (
    !unsaved ||
    window.confirm(
      'Det finns text som inte kunde sparas (se meddelandet vid fältet). Lämnar du sidan försvinner den. Lämna ändå?',
    )
  );
}
