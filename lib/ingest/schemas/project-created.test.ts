import { describe, expect, it } from 'vitest';
import { exampleEventData } from './examples.ts';
import { projectCreatedData } from './project-created.ts';
import { type Change, exampleWith, firstProblem, REMOVE } from './test-support.ts';

const TYPE = 'q2c.project.created.v1';

describe(TYPE, () => {
  it('accepts the example and keeps unknown fields', () => {
    expect(projectCreatedData.parse({ ...exampleEventData[TYPE], projectName: 'Acme FT' })).toEqual({ ...exampleEventData[TYPE], projectName: 'Acme FT' });
  });

  it.each<[string, Change[], string, RegExp]>([
    ['missing engagementRef', [[['engagementRef'], REMOVE]], '/engagementRef', /Required/],
    ['numeric psaProjectId', [[['psaProjectId'], 88123]], '/psaProjectId', /expected string/],
    ['over-long psaProjectId', [[['psaProjectId'], 'p'.repeat(257)]], '/psaProjectId', /At most 256/],
  ])('refuses %s', (_name, changes, pointer, message) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toEqual({ pointer, message: expect.stringMatching(message) });
  });
});
