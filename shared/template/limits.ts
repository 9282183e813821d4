/** A checklist is a few hundred KB at most; anything far larger is not a template. */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;
