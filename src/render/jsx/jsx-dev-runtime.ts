/** The development entry of the JSX runtime (Vite's transform imports it): the same runtime. */
export { Fragment, jsxDEV, type JSX } from './jsx-runtime.ts';
