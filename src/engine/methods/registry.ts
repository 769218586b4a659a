/**
 * The method registry: every classification method, once, in menu order. Everything else — CLI
 * flags and help, the pane's chooser and inputs, summary notes, JSON, the per-row functions —
 * iterates it. Adding a method: see README.md beside this file.
 */
import { ParamError } from './params';
import { abc } from './abc';
import { kmeans } from './kmeans';
import { clv } from './clv';
import { pyramid } from './pyramid';
import { rfm } from './rfm';
import type { MethodModule } from './types';

/** Every method by id. The id type is derived from it, so a missing case does not compile. */
export const METHOD_MODULES = {
  rfm,
  abc,
  pyramid,
  kmeans,
  clv,
} as const;

/** A method id ("rfm", "abc", …). */
export type MethodId = keyof typeof METHOD_MODULES;

/** Method ids in menu order. */
export const METHOD_IDS = Object.keys(METHOD_MODULES) as MethodId[];

/** Every method in menu order. */
export const METHOD_LIST: readonly MethodModule[] = METHOD_IDS.map((id) => METHOD_MODULES[id] as MethodModule);

/**
 * True when `id` names a method.
 *
 * @example
 * isMethodId("abc"); // true
 * isMethodId("xyz"); // false
 */
export function isMethodId(id: string): id is MethodId {
  return Object.prototype.hasOwnProperty.call(METHOD_MODULES, id);
}

/**
 * The method module of an id; throws a bilingual {@link ParamError} naming the methods when unknown.
 *
 * @example
 * methodById("pyramid").label.en; // "Customer pyramid"
 */
export function methodById(id: string): MethodModule {
  const key = id.trim().toLowerCase();
  if (!isMethodId(key)) {
    const list = METHOD_IDS.join(', ');
    throw new ParamError({ en: `unknown method "${id}" (use ${list})`, zh: `未知的方法"${id}"（可用：${list}）` });
  }
  return METHOD_MODULES[key] as MethodModule;
}
