/** What a run ends with after SIGINT or SIGTERM: 128 + SIGINT's number, as shells and CI runners read it. */
export const INTERRUPTED_STATUS = 130;

/**
 * The handler for SIGINT and SIGTERM: the first aborts `controller` (the command stops between files and leaves no
 * half-written --output), a second one ends the process at once through `exit` (its 'exit' listeners still remove
 * temporary files).
 */
export function interruptHandler(controller: AbortController, exit: (status: number) => void): () => void {
  let interrupts = 0;
  return () => {
    if (++interrupts > 1) exit(INTERRUPTED_STATUS);
    else controller.abort();
  };
}
