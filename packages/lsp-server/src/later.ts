/**
 * Runs a function after the current turn of the event loop: `setImmediate` on Node (after pending I/O,
 * so a message being written goes out first), a zero timeout in a browser, which has none.
 * @param run - the function.
 */
export const later = (run: () => void): void => {
  if (typeof setImmediate === 'function') setImmediate(run);
  else setTimeout(run, 0);
};
