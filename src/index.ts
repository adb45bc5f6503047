/**
 * `deeplake-elements`: registers the custom elements and re-exports the public API.
 * The elements arrive with their own issues; the client is the foundation they share.
 */
export * from './client/index.js';
