import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A page in a chunk of its own: loaded when first shown, or earlier by `preload`. */
export type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

/**
 * React.lazy with the loader kept: the app calls `preload` for the page the address names while
 * it still asks the server for the session, so the page's chunk does not wait for that answer.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): LazyPage {
  return Object.assign(lazy(load), { preload: load });
}
