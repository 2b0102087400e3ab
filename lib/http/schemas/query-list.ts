// A query parameter that holds a list: repeated (?status=OPEN&status=ASSIGNED) or
// comma-separated (?status=OPEN,ASSIGNED), as people and tools write it either way.
import { z } from 'zod';

export const queryList = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean)),
    z.array(item).optional(),
  );
