/*
 * outfile.c - resolving an output name before writing it through a
 * temporary file (pb_outfile.h).
 */
#include "pb_outfile.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *pb_outfile_target(const char *path)
{
    /* /dev/stdout, /dev/fd/N, /proc/self/fd/N ...: never renamed over */
    if (g_str_has_prefix(path, "/dev/") || g_str_has_prefix(path, "/proc/"))
        return NULL;
    struct stat st;
    if (lstat(path, &st) != 0)
        return g_strdup(path); /* a new file */
    if (S_ISLNK(st.st_mode)) {
        char *real = realpath(path, NULL);
        if (!real)
            return NULL; /* a dangling link: writing through it creates its target */
        char *target = NULL;
        if (stat(real, &st) == 0 && S_ISREG(st.st_mode) && !g_str_has_prefix(real, "/dev/") &&
            !g_str_has_prefix(real, "/proc/"))
            target = g_strdup(real);
        free(real);
        return target;
    }
    return S_ISREG(st.st_mode) ? g_strdup(path) : NULL;
}
