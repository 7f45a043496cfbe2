// Input problems a user can fix. Each names the file and line, so that a broken plan or annotation can be
// corrected without reading code; the importer stops before anything is written.

export interface InputProblem {
  file: string;
  /** 1-based line in `file`; null when the problem concerns the whole file. */
  line: number | null;
  message: string;
}

export function formatProblem(problem: InputProblem): string {
  return `${problem.file}${problem.line === null ? '' : `:${problem.line}`}: ${problem.message}`;
}

export class ImportInputError extends Error {
  override name = 'ImportInputError';
  readonly problems: InputProblem[];
  constructor(problems: InputProblem[]) {
    const [first, ...rest] = problems;
    const head = first ? formatProblem(first) : 'invalid input';
    const more = rest.length > 0 ? `\n${rest.map(formatProblem).join('\n')}` : '';
    super(`${head}${more}`);
    this.problems = problems;
  }
}
