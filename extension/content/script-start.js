// Imported first by main.js, so this runs before the rest of the bundle (libphonenumber's
// metadata included) is evaluated: main.js measures the content script's own start-up cost.
export const scriptStart = performance.now();
