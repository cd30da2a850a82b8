/** Time to wait after the last key before searching. */
export const SEARCH_DEBOUNCE_MS = 300;
