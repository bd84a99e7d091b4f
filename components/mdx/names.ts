/**
 * The JSX components a lesson may use. components/mdx/registry.tsx must provide exactly these
 * (the type system enforces it), and tests/content scans every MDX file against this list.
 */
export const mdxComponentNames = ['Terminal', 'Exercise', 'Note', 'Command'] as const;
export type MdxComponentName = (typeof mdxComponentNames)[number];
