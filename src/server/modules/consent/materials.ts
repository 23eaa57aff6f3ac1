/**
 * What the owners read before they vote: documents of the project's library put before the
 * owners with a consultation, each pinned at the version attached. Phones open PDFs and images;
 * Word and Excel files are refused here (staff print or convert them first).
 */
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import { badInput, conflict, notFound } from '../../../core/errors.ts';
import { READABLE_ON_A_PHONE } from '../../../core/documents.ts';
import { assertCanWriteCommittee, auditScope, type Access } from '../../platform/access.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { storedFiles } from '../files/schema.ts';
import { documentVersions, projectDocuments } from '../projects/schema.ts';
import type { Material } from './contract.ts';
import { consultationMaterials } from './schema.ts';
import { getConsultationRow, lockConsultation } from './service.ts';

const materialColumns = {
  documentId: consultationMaterials.documentId,
  version: consultationMaterials.version,
  title: projectDocuments.title,
  category: projectDocuments.category,
  name: storedFiles.name,
  mime: storedFiles.mime,
  size: storedFiles.size,
};

/** The materials of a consultation in the order staff put them; the caller has checked the scope. */
export async function materialsOf(db: Queryable, consultationId: string): Promise<Material[]> {
  return db
    .select(materialColumns)
    .from(consultationMaterials)
    .innerJoin(projectDocuments, eq(projectDocuments.id, consultationMaterials.documentId))
    .innerJoin(
      documentVersions,
      and(
        eq(documentVersions.documentId, consultationMaterials.documentId),
        eq(documentVersions.version, consultationMaterials.version),
      ),
    )
    .innerJoin(storedFiles, eq(storedFiles.id, documentVersions.fileId))
    .where(eq(consultationMaterials.consultationId, consultationId))
    .orderBy(asc(consultationMaterials.position));
}

export async function listMaterials(db: Queryable, access: Access, id: string) {
  await getConsultationRow(db, access, id);
  return { items: await materialsOf(db, id) };
}

/**
 * Puts documents of the project before the owners, in this order, each at its latest version.
 * Only while the consultation is a draft: what the owners read cannot change once voting began.
 */
export async function setMaterials(db: Db, access: Access, id: string, documentIds: string[]) {
  return db.transaction(async (tx) => {
    const before = await getConsultationRow(tx, access, id);
    assertCanWriteCommittee(access, before.committeeId);
    // the status read here decides the write: no opening may slip in between
    const c = await lockConsultation(tx, id);
    if (c.status !== 'draft')
      throw conflict(
        '征询已开始，给业主的材料不能再改',
        'The consultation is open; the materials before the owners can no longer change',
      );
    if (new Set(documentIds).size !== documentIds.length)
      throw badInput('documentIds', '同一份材料选了两次', 'A document is chosen twice');
    const latest = documentIds.length
      ? await tx
          .select({
            documentId: documentVersions.documentId,
            projectId: projectDocuments.projectId,
            version: max(documentVersions.version),
          })
          .from(documentVersions)
          .innerJoin(projectDocuments, eq(projectDocuments.id, documentVersions.documentId))
          .where(inArray(documentVersions.documentId, documentIds))
          .groupBy(documentVersions.documentId, projectDocuments.projectId)
      : [];
    const versions = new Map(latest.map((l) => [l.documentId, l]));
    documentIds.forEach((docId, i) => {
      const found = versions.get(docId);
      if (!found || found.projectId !== c.projectId)
        throw badInput(
          `documentIds.${i}`,
          '这份材料不在本项目的文件库中',
          'This document is not in the project’s library',
        );
    });
    const rows = documentIds.map((documentId, position) => ({
      consultationId: id,
      documentId,
      version: versions.get(documentId)!.version!,
      position,
    }));
    await tx.delete(consultationMaterials).where(eq(consultationMaterials.consultationId, id));
    if (rows.length) await tx.insert(consultationMaterials).values(rows);
    const items = await materialsOf(tx, id);
    // a refusal here rolls the whole change back
    for (const m of items)
      if (!READABLE_ON_A_PHONE.includes(m.mime))
        throw badInput(
          `documentIds.${documentIds.indexOf(m.documentId)}`,
          `“${m.title}”是 Word 或 Excel 文件，业主的手机打不开；请上传 PDF 或图片`,
          `“${m.title}” is a Word or Excel file, which owners’ phones cannot open; upload a PDF or an image`,
        );
    await recordAudit(tx, access.actor, {
      action: 'set_materials',
      entity: 'consultation',
      entityId: id,
      projectId: c.projectId,
      ...auditScope(access, c.committeeId),
      after: { materials: rows.map((r) => ({ documentId: r.documentId, version: r.version })) },
    });
    return { items };
  });
}

/** One material's file, for the page of a household whose consultation it belongs to. */
export async function readMaterial(db: Queryable, consultationId: string, documentId: string) {
  const [row] = await db
    .select({ name: storedFiles.name, mime: storedFiles.mime, content: storedFiles.content })
    .from(consultationMaterials)
    .innerJoin(
      documentVersions,
      and(
        eq(documentVersions.documentId, consultationMaterials.documentId),
        eq(documentVersions.version, consultationMaterials.version),
      ),
    )
    .innerJoin(storedFiles, eq(storedFiles.id, documentVersions.fileId))
    .where(
      and(
        eq(consultationMaterials.consultationId, consultationId),
        eq(consultationMaterials.documentId, documentId),
      ),
    );
  if (!row) throw notFound({ zh: '材料', en: 'Material' });
  return row;
}
