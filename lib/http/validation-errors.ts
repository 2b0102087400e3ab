// zod issues in the shapes our callers read: JSON pointers (RFC 6901) into a JSON body,
// parameter names for query strings, and dotted field names for forms.
import type { z } from 'zod';

type Path = readonly PropertyKey[];

export interface PointerError {
  pointer: string;
  message: string;
}

export interface ParameterError {
  parameter: string;
  message: string;
}

/** ['lines', 0, 'a/b'] → '/lines/0/a~1b'; the empty path (the whole document) is ''. */
export function toJsonPointer(path: Path): string {
  return path.map((segment) => '/' + String(segment).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

export function pointerErrors(issues: readonly z.core.$ZodIssue[]): PointerError[] {
  return issues.map((issue) => ({ pointer: toJsonPointer(issue.path), message: issue.message }));
}

export function parameterErrors(issues: readonly z.core.$ZodIssue[]): ParameterError[] {
  return issues.map((issue) => ({ parameter: issue.path.map(String).join('.'), message: issue.message }));
}

/** Messages per form field ('lines.0.amount'); issues about the whole input go under ''. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    (result[key] ??= []).push(issue.message);
  }
  return result;
}
