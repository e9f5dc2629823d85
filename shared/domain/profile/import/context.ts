// Bookkeeping shared by the importers: which settings were used, what was ignored and why, which values
// are secrets, and the issues, all tied to input lines.
import { makeIssue, type IssueSeverity, type ProfileIssue } from '../issues';
import type { SecretSlot } from '../secret-slots';
import { REDACTED_SECRET } from '../secrets';
import type { LocatedText, SourceText } from './source';

/** A setting translated to its Kafka client property name, remembering how the input spelled it. */
export interface Setting {
  key: string;
  sourceKey: string;
  value: LocatedText;
  line: number;
  column: number;
}

export interface IgnoredSetting {
  key: string;
  line: number;
  reason: string;
}

export interface SecretField {
  slot: SecretSlot;
  /** The input key the value came from (e.g. `SASL_JAAS_CONFIG` for a password inside JAAS). */
  key: string;
  line: number;
}

/** `<SASL_PASSWORD>`, `<>`, `${VAR}`, `$VAR`: text from docs or templates, not a real value. */
export function isPlaceholder(text: string): boolean {
  const value = text.trim();
  return /^<[^]*>$/.test(value) || /^\$\{[^}]*\}$/.test(value) || /^\$[A-Z_][A-Z0-9_]*$/.test(value);
}

/** Like isPlaceholder, but also finds one inside a value (`<primary bootstrap address>:9092`); not for secrets. */
export function containsPlaceholder(text: string): boolean {
  return isPlaceholder(text) || /<[^<>]*>/.test(text) || /\$\{[^}]*\}/.test(text);
}

export class ImportContext {
  readonly issues: ProfileIssue[] = [];
  readonly ignored: IgnoredSetting[] = [];
  readonly secretFields: SecretField[] = [];
  private readonly settings = new Map<string, Setting>();

  constructor(
    readonly source: SourceText,
    settings: readonly Setting[],
  ) {
    for (const setting of settings) {
      const earlier = this.settings.get(setting.key);
      if (earlier) {
        this.warn('input.duplicate', `${setting.sourceKey} is set again (first on line ${earlier.line}); the last value wins.`, setting, 'Remove one of them.');
      }
      this.settings.set(setting.key, setting);
    }
  }

  has(key: string): boolean {
    return this.settings.has(key);
  }

  /** Takes a setting out of the pool: whatever is never taken is reported as ignored. */
  take(key: string): Setting | undefined {
    const setting = this.settings.get(key);
    this.settings.delete(key);
    return setting;
  }

  takeMatching(predicate: (key: string) => boolean): Setting[] {
    const matching = [...this.settings.values()].filter((setting) => predicate(setting.key));
    for (const setting of matching) this.settings.delete(setting.key);
    return matching;
  }

  remaining(): Setting[] {
    return [...this.settings.values()];
  }

  ignore(setting: Setting, reason: string): void {
    this.ignored.push({ key: setting.sourceKey, line: setting.line, reason });
  }

  add(severity: IssueSeverity, code: string, problem: string, at: Setting | undefined, fix?: string, field?: string, offset?: number): void {
    const position = offset === undefined ? undefined : this.source.position(offset);
    const options: Parameters<typeof makeIssue>[3] = {};
    if (at) {
      options.line = position?.line ?? at.line;
      options.key = at.sourceKey;
    }
    if (position) options.column = position.column;
    if (fix !== undefined) options.fix = fix;
    if (field !== undefined) options.field = field;
    this.issues.push(makeIssue(severity, code, problem, options));
  }

  error(code: string, problem: string, at?: Setting, fix?: string, field?: string, offset?: number): void {
    this.add('error', code, problem, at, fix, field, offset);
  }

  warn(code: string, problem: string, at?: Setting, fix?: string, field?: string, offset?: number): void {
    this.add('warning', code, problem, at, fix, field, offset);
  }

  info(code: string, problem: string, at?: Setting, fix?: string, field?: string): void {
    this.add('info', code, problem, at, fix, field);
  }

  text(setting: Setting | undefined): string | undefined {
    return setting?.value.text.trim();
  }

  /** A non-secret value the profile needs; a placeholder is kept (so the form shows it) but is an error. */
  plain(setting: Setting | undefined, what: string, field: string, raw = setting?.value.text.trim(), offset?: number): string | undefined {
    if (!setting || raw === undefined) return undefined;
    if (containsPlaceholder(raw)) {
      this.error('input.placeholder', `${what} is still the placeholder '${raw}'.`, setting, `Replace it with the real ${what}.`, field, offset);
    }
    return raw;
  }

  /** An enumerated value, case-insensitive; a placeholder around a valid value (`<JKS>`) is unwrapped with a warning. */
  choice<T>(setting: Setting | undefined, options: Readonly<Record<string, T>>, what: string, field: string): T | undefined {
    const raw = this.text(setting);
    if (!setting || raw === undefined || raw === '') return undefined;
    const lookup = (text: string) => options[text.toUpperCase()];
    const direct = lookup(raw);
    if (direct !== undefined) return direct;
    const unwrapped = /^<\s*([^<>]*?)\s*>$/.exec(raw)?.[1];
    const fromPlaceholder = unwrapped === undefined ? undefined : lookup(unwrapped);
    const allowed = Object.keys(options).join(', ');
    if (fromPlaceholder !== undefined) {
      this.warn('input.placeholder-choice', `${what} is written as the placeholder '${raw}'; Odradek used ${unwrapped}.`, setting, `Check it and write it without < >; allowed: ${allowed}.`, field);
      return fromPlaceholder;
    }
    this.error('input.invalid-choice', `${what} '${raw}' is not one Odradek understands.`, setting, `Use one of: ${allowed}.`, field);
    return undefined;
  }

  /** A secret value: recorded as a secret field; a placeholder is dropped (the secret stays not set). */
  secret(setting: Setting | undefined, slot: SecretSlot, what: string, raw = setting?.value.text, offset?: number): string | undefined {
    if (!setting || raw === undefined) return undefined;
    const value = raw.trim() === raw ? raw : raw.trim();
    if (value === '') return undefined;
    if (value === REDACTED_SECRET) {
      this.info('input.secret-redacted', `the ${what} was redacted in the export, so it was not imported.`, setting, `Enter the ${what} after importing.`);
      return undefined;
    }
    if (isPlaceholder(value)) {
      this.warn('input.secret-placeholder', `the ${what} is the placeholder '${value}', so it was not imported.`, setting, `Enter the real ${what} after importing; it is stored in the keychain.`, undefined, offset);
      return undefined;
    }
    this.secretFields.push({ slot, key: setting.sourceKey, line: offset === undefined ? setting.line : this.source.position(offset).line });
    return value;
  }
}
