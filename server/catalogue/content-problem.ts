// A problem found in the checklist files, named by file, item and field so an
// editor can find it at once (shared by the domain and scene loaders).
export interface ContentProblem {
  readonly file: string;
  readonly item?: string;
  readonly path?: string;
  readonly message: string;
}

export function formatProblem(p: ContentProblem): string {
  return [p.file, p.item ? `item ${p.item}` : undefined, p.path, p.message]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(': ');
}
