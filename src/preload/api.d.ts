/** The bridge the preload script exposes as window.lagesbild (absent in the browser host). */
export {};

declare global {
  interface Window {
    lagesbild?: {
      invoke(op: string, input: unknown): Promise<unknown>;
      onEvent(cb: (event: unknown) => void): () => void;
    };
  }
}
