/*
 * pb_outfile.h - where an output file really goes.
 *
 * polybius writes its outputs (events, rejects, compiled dictionaries) to
 * a temporary file and renames it into place at the end, so an interrupted
 * run never leaves half a file. Renaming must not replace what the name
 * stands for: a device or a FIFO (/dev/null, /dev/full, /dev/stdout) is
 * written directly, and a symbolic link is followed, so that the file it
 * points to is replaced and the link stays.
 */
#ifndef PB_OUTFILE_H
#define PB_OUTFILE_H

#include <glib.h>

/* The file to rename the finished output onto (newly allocated), or NULL
 * when path must be written directly, without a temporary file. */
char *pb_outfile_target(const char *path);

#endif
