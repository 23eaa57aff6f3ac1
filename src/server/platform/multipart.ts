import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { badInput } from '../../core/errors.ts';
import { describeIssue } from './errors.ts';
import { readMultipart } from './files.ts';
import { unstorableText, unstorableTextAt } from './text.ts';

/** Reads a multipart form: its fields (validated) and its one file. */
export async function multipartForm<T extends z.ZodType>(req: FastifyRequest, fields: T) {
  if (!req.isMultipart())
    throw badInput('file', '请以 multipart/form-data 上传扫描件', 'Upload the scan as multipart/form-data');
  const { fields: values, file } = await readMultipart(req);
  const bad = unstorableTextAt(values);
  if (bad) throw unstorableText(bad);
  const parsed = fields.safeParse(values);
  if (!parsed.success) {
    const first = describeIssue(parsed.error.issues[0] as never);
    throw badInput(first.field, first.zh, first.en);
  }
  if (!file)
    throw badInput('file', '请附上扫描件（PDF、JPEG 或 PNG）', 'Attach the scanned form (PDF, JPEG or PNG)');
  return { fields: parsed.data, file };
}
