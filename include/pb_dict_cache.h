/*
 * pb_dict_cache.h - a compiled dictionary: the frozen pb_dict of a set of
 * text dictionaries, written to one binary file that loads in a fraction
 * of the time the text takes to parse.
 *
 * The text files stay the source of truth. The cache records, for every
 * source file in load order, its kind, full path, size, modification time
 * and inode, plus the polybius version and the memory layout of the
 * structures it holds; if any of these differs when it is read, the cache
 * is stale and the caller loads the text and writes a fresh cache. The
 * diagnostics of the text load (warnings: a cache is only written for a
 * dictionary without errors) are stored too and replayed on every load,
 * so a cached run reports exactly what an uncached one does.
 *
 * The file is native-endian and only meant for the machine kind that
 * wrote it (the layout check rejects any other).
 */
#ifndef PB_DICT_CACHE_H
#define PB_DICT_CACHE_H

#include "pb_dict.h"
#include "pb_project.h"

/* Write the frozen dictionary d, loaded from files with diagnostics
 * diags, to path (through a temporary file renamed at the end). */
gboolean pb_dict_cache_write(const pb_dict *d, const pb_dict_files *files, const pb_diags *diags, const char *path,
                             GError **error);

/* Read the cache at path if it is current for files: the dictionary, with
 * the stored diagnostics appended to diags. NULL without an error when the
 * cache is absent or stale (*why says which); NULL with an error when it
 * exists but cannot be read or is damaged. */
pb_dict *pb_dict_cache_read(const char *path, const pb_dict_files *files, pb_diags *diags, const char **why,
                            GError **error);

/* Load files through the cache at path: read it when current, otherwise
 * load the text and (when it has no errors) rewrite the cache. *used
 * (may be NULL) tells whether the cache was read. Problems with the cache
 * itself (damaged and rebuilt, cannot be written, path is some other
 * file, which is never overwritten) are not failures: each adds a message
 * to notices (char*, owned by the array's free function). */
pb_dict *pb_dict_load_cached(const pb_dict_files *files, const char *path, pb_diags *diags, gboolean *used,
                             GPtrArray *notices, GError **error);

#endif
