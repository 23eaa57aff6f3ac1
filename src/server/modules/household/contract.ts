/** The household-code side's shared request piece: the code in the path, as every /r/<code> route takes it. */
import { z } from 'zod';

/** Up to 40 characters so a pasted code with spaces or dashes reaches the lookup, which says it is wrong. */
export const codeParams = z.object({ code: z.string().trim().min(1).max(40) });

export const materialParams = codeParams.extend({ documentId: z.uuid() });
