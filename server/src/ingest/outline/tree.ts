// Builds the tree of numbered parts from the blocks with the one heading grammar: each heading closes the open
// items its series does not nest in (the nesting of the series learned from the document) and opens its own. Paragraphs
// belong to the innermost open item; tables are kept apart, never glued into a part's text.
import type { Block } from '../normalise.ts';
import { type Heading, readHeading, type Series, SeriesNesting } from './heading-grammar.ts';
import { readTable } from './tables.ts';
import type { OutlineNode, OutlineTable, Paragraph } from './types.ts';

const FRONT_MATTER = /^(前\s*言|序\s*言|引\s*言|说\s*明)$/;

export interface Tree {
  roots: OutlineNode[];
  /** Paragraphs outside every numbered part. */
  front: Paragraph[];
  tables: OutlineTable[];
  warnings: string[];
}

export function toParagraph(block: Block, start = block.start): Paragraph {
  return {
    start,
    end: block.end,
    text: block.text.slice(start - block.start),
    line: block.line,
    lead: start === block.start ? block.lead : null,
  };
}

function newNode(text: string, block: Block, heading: Heading, order: number): OutlineNode {
  const { titleSpan } = heading;
  // The heading line with the punctuation that closes its title (`（一）标题。`), up to its inline body.
  const headEnd = heading.body ? heading.body.start : block.end;
  return {
    series: heading.marker.series,
    numeral: heading.marker.numeral,
    order,
    title: text.slice(titleSpan.start, titleSpan.end),
    titleSpan,
    line: block.line,
    introducesList: /[：:]$/.test(block.text.trim()),
    head: {
      start: block.start,
      end: headEnd,
      text: text.slice(block.start, headEnd),
      line: block.line,
      lead: null,
    },
    span: { start: block.start, end: block.end },
    paragraphs: heading.body ? [toParagraph(block, heading.body.start)] : [],
    children: [],
    tables: [],
  };
}

/**
 * The tree of a document's body. `skip` holds the blocks of the title block and sign-off; `restarts` the blocks
 * after which a new part of the document (an attachment) begins, where every open item closes.
 */
export function buildTree(
  text: string,
  blocks: Block[],
  skip: ReadonlySet<number>,
  restarts: ReadonlySet<number>,
): Tree {
  const roots: OutlineNode[] = [];
  const front: Paragraph[] = [];
  const tables: OutlineTable[] = [];
  const warnings: string[] = [];
  const nesting = new SeriesNesting();
  const stack: OutlineNode[] = [];
  const extend = (end: number) => {
    for (const open of stack) open.span.end = Math.max(open.span.end, end);
  };
  blocks.forEach((block, index) => {
    if (restarts.has(index)) stack.length = 0;
    if (skip.has(index)) return;
    if (block.kind === 'table') {
      const table = readTable(text, block);
      tables.push(table);
      stack.at(-1)?.tables.push(table);
      extend(block.end);
      return;
    }
    const heading = readHeading(block);
    if (heading) {
      const open: Series[] = stack.map((node) => node.series);
      stack.length = nesting.keep(heading.marker.series, open);
      const parent = stack.at(-1);
      const siblings = parent ? parent.children : roots;
      const node = newNode(text, block, heading, siblings.length + 1);
      if (heading.marker.numeral !== null && heading.marker.numeral !== node.order) {
        warnings.push(
          `line ${block.line}: “${block.text.slice(0, 20)}” is numbered ${heading.marker.numeral} but is item ${node.order} of its level; ids use ${node.order}`,
        );
      }
      siblings.push(node);
      extend(block.end);
      stack.push(node);
      return;
    }
    if (block.kind === 'heading' && FRONT_MATTER.test(block.text)) {
      stack.length = 0;
      return;
    }
    const open = stack.at(-1);
    if (open) {
      open.paragraphs.push(toParagraph(block));
      extend(block.end);
    } else {
      front.push(toParagraph(block));
    }
  });
  return { roots, front, tables, warnings };
}
