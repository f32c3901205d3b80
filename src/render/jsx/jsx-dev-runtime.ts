/** The development entry of the JSX runtime (Vite's transform imports it): the same runtime. */
export { Fragment, type JSX, jsxDEV } from './jsx-runtime.ts';
