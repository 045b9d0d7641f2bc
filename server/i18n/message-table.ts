// The shape every namespace table satisfies: each key has both languages, so a
// key missing one of them fails the type check.
export type MessageTable = Readonly<Record<string, { readonly zh: string; readonly en: string }>>;
