/**
 * Renders compiled lesson MDX with the registry. Server Component: mdx-bundler's getMDXComponent evaluates the code
 * with `new Function` here, at build time, never in the browser (so the page needs no 'unsafe-eval').
 */
import { getMDXComponent } from 'mdx-bundler/client';
import { mdxComponents } from './registry';

/** Compiled lessons by code string: each is evaluated once per server process. */
const evaluated = new Map<string, ReturnType<typeof getMDXComponent>>();

function lessonComponent(code: string) {
  let component = evaluated.get(code);
  if (!component) {
    component = getMDXComponent(code);
    evaluated.set(code, component);
  }
  return component;
}

export function MdxContent({ code }: { code: string }) {
  // MDXContent is a plain function of its props (no hooks: the bundle has no MDX provider), so it is called, not
  // mounted as a component: nothing here has state to lose, and the tree it returns is what the page renders.
  return lessonComponent(code)({ components: mdxComponents });
}
