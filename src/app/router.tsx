/**
 * Routes, with hash history so the single file works from file:// and any
 * sub-path. The walk lives in one search parameter, `s`, read and written by
 * the engine's codec.
 */
import {
  createHashHistory,
  createRootRoute,
  createRoute,
  createRouter,
} from '@tanstack/react-router';
import { App } from '../components/App.tsx';
import { WizardPage } from '../components/wizard/WizardPage.tsx';
import { StatesPage } from '../components/reference/StatesPage.tsx';
import { NotifiesPage } from '../components/reference/NotifiesPage.tsx';
import { RecentPage } from '../components/recent/RecentPage.tsx';
import { ComparePage } from '../components/compare/ComparePage.tsx';

/** The search parameters of the wizard route: the walk, and the evidence excerpt when shared. */
export interface WalkSearch {
  s?: string;
  e?: string;
}

const rootRoute = createRootRoute({ component: App });

/** The wizard: the whole diagnosis state is `s`. */
export const wizardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  // Kept as the raw string: the page decodes it and explains a refused link.
  validateSearch: (search: Record<string, unknown>): WalkSearch => ({
    ...(typeof search.s === 'string' ? { s: search.s } : {}),
    ...(typeof search.e === 'string' ? { e: search.e } : {}),
  }),
  component: WizardPage,
});

/** Reference: IKEv1 states; `q` is the search box. */
export const statesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reference/ikev1-states',
  validateSearch: (search: Record<string, unknown>): { q?: string } =>
    typeof search.q === 'string' ? { q: search.q } : {},
  component: StatesPage,
});

/** Reference: IKEv2 notifies; `q` is the search box. */
export const notifiesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reference/ikev2-notifies',
  validateSearch: (search: Record<string, unknown>): { q?: string } =>
    typeof search.q === 'string' ? { q: search.q } : {},
  component: NotifiesPage,
});

/** The two-peer configuration check. */
export const compareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/compare',
  component: ComparePage,
});

/** Recent cases kept in this browser. */
export const recentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/recent',
  component: RecentPage,
});

// TanStack's default search serialiser is JSON-aware ("1" would be written as %221%22); the codec
// writes plain [A-Za-z0-9._-], so plain URLSearchParams keep the link readable.
const parseSearch = (str: string): Record<string, string> =>
  Object.fromEntries(new URLSearchParams(str.startsWith('?') ? str.slice(1) : str));
const stringifySearch = (search: Record<string, unknown>): string => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(search))
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const q = p.toString();
  return q ? `?${q}` : '';
};

/** The app router. */
export const router = createRouter({
  routeTree: rootRoute.addChildren([
    wizardRoute,
    statesRoute,
    notifiesRoute,
    recentRoute,
    compareRoute,
  ]),
  history: createHashHistory(),
  parseSearch,
  stringifySearch,
  defaultNotFoundComponent: () => (
    <p className="p-4">This page does not exist. Use the menu to go back to the wizard.</p>
  ),
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
