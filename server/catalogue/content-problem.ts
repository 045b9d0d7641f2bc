// One problem found in the checklist files, naming the file, the item and the field.
// Its own file so the domain loader and the scene loader share it without importing each other.
export interface ContentProblem {
  readonly file: string;
  readonly item?: string;
  readonly path?: string;
  readonly message: string;
}
