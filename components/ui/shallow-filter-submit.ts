'use client';
// The submit of a list's GET filter form when the list's client view follows the URL: the
// filtered view becomes the address (pushState, no server render) and the view fetches it.
// Empty fields mean "no filter" and are dropped; `keep` names the keys the form does not
// hold but the view keeps (the sort, an open side panel). The cursor is dropped: a new
// filter starts at page one. Without JavaScript the form still submits as a plain GET.
import type { FormEvent } from 'react';
import { pushUrl } from './url-link';

export function shallowFilterSubmit(path: string, keep: readonly string[]) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const current = new URLSearchParams(window.location.search);
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === 'string' && value.trim() !== '') next.append(key, value);
    }
    for (const key of keep) {
      if (!next.has(key)) current.getAll(key).forEach((value) => next.append(key, value));
    }
    const search = next.toString();
    pushUrl(search ? `${path}?${search}` : path);
  };
}
