/**
 * Flag parsing with spf13/pflag's rules, as kubectl uses it: `--name=value`, `--name value`, `-n value`, `-nvalue`,
 * boolean flags that take no separate value (`--overwrite`, `--overwrite=false`), `--` ending flags, and pflag's
 * error texts (`unknown flag: --foo`, `unknown shorthand flag: 'x' in -x`, `flag needs an argument: 'n' in -n`).
 */

export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: 'bool' | 'string' | 'int' | 'stringArray';
  default?: string | boolean | number;
  /** pflag's NoOptDefVal: the value of `--name` given without `=value` (the next word is not consumed). */
  noOptDefVal?: string;
  usage: string;
}

export type FlagValues = Record<string, string | boolean | number | string[] | undefined>;

export interface ParsedArgs { flags: FlagValues; args: string[]; dashArgs?: string[] }

export class FlagError extends Error {}

/** Parses `argv` against `specs`; throws FlagError with pflag's wording. */
export function parseFlags(argv: string[], specs: FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.shorthand).map((s) => [s.shorthand!, s]));
  const flags: FlagValues = {};
  for (const s of specs) flags[s.name] = s.type === 'stringArray' ? [] : s.default;
  const args: string[] = [];
  const set = (s: FlagSpec, value: string, flagText: string) => {
    if (s.type === 'bool') {
      if (!['true', 'false', '1', '0', 't', 'f', 'TRUE', 'FALSE', 'True', 'False'].includes(value)) {
        throw new FlagError(`invalid argument "${value}" for "${flagText}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`);
      }
      flags[s.name] = ['true', '1', 't', 'TRUE', 'True'].includes(value);
    } else if (s.type === 'int') {
      if (!/^-?\d+$/.test(value)) throw new FlagError(`invalid argument "${value}" for "${flagText}" flag: strconv.ParseInt: parsing "${value}": invalid syntax`);
      flags[s.name] = Number(value);
    } else if (s.type === 'stringArray') (flags[s.name] as string[]).push(value);
    else flags[s.name] = value;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return { flags, args, dashArgs: argv.slice(i + 1) };
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      const s = byName.get(name);
      if (!s) throw new FlagError(`unknown flag: --${name}`);
      const text = s.shorthand ? `-${s.shorthand}, --${s.name}` : `--${s.name}`;
      if (eq !== -1) set(s, a.slice(eq + 1), text);
      else if (s.type === 'bool') flags[s.name] = true;
      else if (s.noOptDefVal !== undefined) set(s, s.noOptDefVal, text);
      else if (i + 1 < argv.length) set(s, argv[++i], text);
      else throw new FlagError(`flag needs an argument: --${name}`);
    } else if (a.startsWith('-') && a.length > 1) {
      // A run of shorthands: -it, -oyaml, -n=default
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        const s = byShort.get(c);
        if (!s) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        const text = `-${c}, --${s.name}`;
        if (s.type === 'bool') {
          if (a[j + 1] === '=') { set(s, a.slice(j + 2), text); break; }
          flags[s.name] = true;
          continue;
        }
        const rest = a.slice(j + 1);
        if (rest) set(s, rest.startsWith('=') ? rest.slice(1) : rest, text);
        else if (i + 1 < argv.length) set(s, argv[++i], text);
        else throw new FlagError(`flag needs an argument: '${c}' in ${a}`);
        break;
      }
    } else args.push(a);
  }
  return { flags, args };
}
