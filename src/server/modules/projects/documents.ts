/** The project's document library: uploads checked for type and size, checksummed, versioned. */
import { and, asc, desc, eq, max } from 'drizzle-orm';
import type { DocumentCategory } from '../../../core/documents.ts';
import { notFound } from '../../../core/errors.ts';
import { auditScope, type Access } from '../../platform/access.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { storedFiles } from '../files/schema.ts';
import { storeFile } from '../files/service.ts';
import type { DocumentUpload } from './contract.ts';
import { documentVersions, liftProjects, projectDocuments } from './schema.ts';
import { getProject, projectScope } from './service.ts';
import { assertCanWriteOrAdviser } from './steps.ts';

const versionColumns = {
  version: documentVersions.version,
  uploadedByName: documentVersions.uploadedByName,
  uploadedAt: documentVersions.uploadedAt,
  fileId: storedFiles.id,
  name: storedFiles.name,
  mime: storedFiles.mime,
  size: storedFiles.size,
  sha256: storedFiles.sha256,
};

export async function listDocuments(db: Queryable, access: Access, projectId: string) {
  await getProject(db, access, projectId);
  return { items: await documentsOf(db, projectId) };
}

/** A project's documents with their versions (newest first), of one category or all; the caller has checked the scope. */
export async function documentsOf(db: Queryable, projectId: string, category?: DocumentCategory) {
  const ofProject = category
    ? and(eq(projectDocuments.projectId, projectId), eq(projectDocuments.category, category))
    : eq(projectDocuments.projectId, projectId);
  const docs = await db
    .select()
    .from(projectDocuments)
    .where(ofProject)
    .orderBy(asc(projectDocuments.category), asc(projectDocuments.title));
  const versions = docs.length
    ? await db
        .select({ documentId: documentVersions.documentId, ...versionColumns })
        .from(documentVersions)
        .innerJoin(storedFiles, eq(storedFiles.id, documentVersions.fileId))
        .innerJoin(projectDocuments, eq(projectDocuments.id, documentVersions.documentId))
        .where(ofProject)
        .orderBy(desc(documentVersions.version))
    : [];
  return docs.map((d) => ({ ...d, versions: versions.filter((v) => v.documentId === d.id) }));
}

async function addVersion(
  tx: Queryable,
  access: Access,
  project: { id: string; committeeId: string },
  documentId: string,
  file: { name: string; content: Buffer },
) {
  const stored = await storeFile(
    tx,
    access,
    { ...file, ownerEntity: 'project_document', committeeId: project.committeeId, projectId: project.id },
    'document',
  );
  const [last] = await tx
    .select({ v: max(documentVersions.version) })
    .from(documentVersions)
    .where(eq(documentVersions.documentId, documentId));
  const version = (last?.v ?? 0) + 1;
  await tx
    .insert(documentVersions)
    .values({ documentId, version, fileId: stored.id, uploadedByName: access.user.displayName });
  await recordAudit(tx, access.actor, {
    action: version === 1 ? 'upload' : 'replace',
    entity: 'document',
    entityId: documentId,
    projectId: project.id,
    ...auditScope(access, project.committeeId),
    after: { version, name: stored.name, sha256: stored.sha256, size: stored.size },
  });
  return { documentId, version, ...stored };
}

export async function uploadDocument(
  db: Db,
  access: Access,
  projectId: string,
  input: { title: string; category: DocumentCategory; file: { name: string; content: Buffer } },
): Promise<DocumentUpload> {
  return db.transaction(async (tx) => {
    const project = await getProject(tx, access, projectId);
    assertCanWriteOrAdviser(access, project);
    const [doc] = await tx
      .insert(projectDocuments)
      .values({ projectId, title: input.title, category: input.category })
      .returning();
    return addVersion(tx, access, project, doc!.id, input.file);
  });
}

/** A replaced file becomes the next version; earlier versions stay readable. */
export async function replaceDocument(
  db: Db,
  access: Access,
  documentId: string,
  file: { name: string; content: Buffer },
): Promise<DocumentUpload> {
  return db.transaction(async (tx) => {
    const [doc] = await tx
      .select({ projectId: projectDocuments.projectId })
      .from(projectDocuments)
      .innerJoin(liftProjects, eq(liftProjects.id, projectDocuments.projectId))
      .where(and(eq(projectDocuments.id, documentId), projectScope(access)));
    if (!doc) throw notFound({ zh: '文件', en: 'Document' });
    const project = await getProject(tx, access, doc.projectId);
    assertCanWriteOrAdviser(access, project);
    return addVersion(tx, access, project, documentId, file);
  });
}

export async function readDocumentVersion(
  db: Queryable,
  access: Access,
  documentId: string,
  version: number,
) {
  const [row] = await db
    .select({
      name: storedFiles.name,
      mime: storedFiles.mime,
      content: storedFiles.content,
      sha256: storedFiles.sha256,
    })
    .from(documentVersions)
    .innerJoin(storedFiles, eq(storedFiles.id, documentVersions.fileId))
    .innerJoin(projectDocuments, eq(projectDocuments.id, documentVersions.documentId))
    .innerJoin(liftProjects, eq(liftProjects.id, projectDocuments.projectId))
    .where(
      and(
        eq(documentVersions.documentId, documentId),
        eq(documentVersions.version, version),
        projectScope(access),
      ),
    );
  if (!row) throw notFound({ zh: '文件', en: 'Document' });
  return row;
}
