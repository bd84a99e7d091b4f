/**
 * A plain-text scan of lesson MDX (no compilation: STACK-NOTES pitfall 6). Finds JSX tags, their string attributes,
 * ESM statements and headings outside code, with line numbers for error messages.
 */

export interface ScannedTag {
  name: string;
  attrs: Record<string, string>;
  line: number;
}

export interface MdxScan {
  tags: ScannedTag[];
  esm: { text: string; line: number }[];
  headings: { depth: number; text: string; line: number }[];
}

/** Replaces fenced code blocks, inline code and comments with spaces, keeping line numbers. */
export function stripCode(source: string): string {
  const lines = source.split('\n');
  let fence: string | null = null;
  const out = lines.map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      return '';
    }
    if (marker) {
      fence = marker;
      return '';
    }
    return line;
  }).join('\n');
  return out
    .replace(/(`+)[\s\S]*?\1/g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '));
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

export function scanMdx(source: string): MdxScan {
  const text = stripCode(source);
  const tags: ScannedTag[] = [];
  for (const match of text.matchAll(/<([A-Za-z][\w.-]*)((?:\s+[^>]*?)?)\s*\/?>/g)) {
    const attrs: Record<string, string> = {};
    for (const attr of match[2].matchAll(/([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^}]*)\})/g)) {
      attrs[attr[1]] = attr[2] ?? attr[3] ?? `{${attr[4]}}`;
    }
    tags.push({ name: match[1], attrs, line: lineAt(text, match.index) });
  }
  const esm: MdxScan['esm'] = [];
  const headings: MdxScan['headings'] = [];
  text.split('\n').forEach((line, i) => {
    if (/^(import|export)\s/.test(line)) esm.push({ text: line, line: i + 1 });
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) headings.push({ depth: heading[1].length, text: heading[2].trim(), line: i + 1 });
  });
  return { tags, esm, headings };
}
