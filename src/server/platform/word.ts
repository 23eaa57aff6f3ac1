import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';

/** Building blocks for the Word files staff print and stamp (letters, certificates, agreements). */
const FONT = 'SimSun';

export function heading(
  text: string,
  level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1,
) {
  return new Paragraph({
    heading: level,
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text, font: FONT, bold: true })],
  });
}

export function para(
  text: string,
  opts: {
    bold?: boolean;
    size?: number;
    pageBreakBefore?: boolean;
    align?: 'left' | 'center' | 'right';
  } = {},
) {
  return new Paragraph({
    pageBreakBefore: opts.pageBreakBefore ?? false,
    alignment:
      opts.align === 'center'
        ? AlignmentType.CENTER
        : opts.align === 'right'
          ? AlignmentType.RIGHT
          : AlignmentType.LEFT,
    spacing: { after: 120 },
    children: [new TextRun({ text, font: FONT, bold: opts.bold ?? false, size: opts.size ?? 24 })],
  });
}

export function table(header: string[], rows: string[][]) {
  const cell = (text: string, bold = false) =>
    new TableCell({
      children: [new Paragraph({ children: [new TextRun({ text, font: FONT, bold, size: 21 })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

export async function wordFile(title: string, sections: ISectionOptions[]): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: 'Jiangwan 江湾',
    styles: { default: { document: { run: { font: FONT } } } },
    sections,
  });
  return Packer.toBuffer(doc);
}
