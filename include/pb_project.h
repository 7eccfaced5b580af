/*
 * pb_project.h - TABARI .project files and the choice of dictionaries.
 *
 * A project file names the dictionaries and texts of a TABARI run
 * (<actorsfile>, <verbsfile>, <agentsfile>, <optionsfile>, <textfile>,
 * <issuesfile>; paths relative to the project file). pb_dict_files is the
 * general form every command uses: the bundled set, a --dictionaries
 * directory, a project, and explicit --actors/--verbs/... files, each kind
 * replacing the bundled files of that kind.
 */
#ifndef PB_PROJECT_H
#define PB_PROJECT_H

#include "pb_dict.h"

typedef struct {
    GPtrArray *actors, *agents, *verbs, *discards, *issues, *options; /* char* paths */
    GPtrArray *texts;   /* project text files */
} pb_dict_files;

void pb_dict_files_init(pb_dict_files *f);
void pb_dict_files_clear(pb_dict_files *f);

/* Read a TABARI project file into f (texts included). */
gboolean pb_project_read(const char *path, pb_dict_files *f, pb_diags *diags, GError **error);

/* The files of a dictionary directory by name: *.actors, *.actors.txt,
 * *.agents(.txt), *.verbs(.txt), *.discards(.txt), *.issues(.txt), *.options. */
gboolean pb_dict_files_from_dir(const char *dir, pb_dict_files *f, GError **error);

/* Where the bundled dictionaries are: $POLYBIUS_DICTIONARIES, then
 * dictionaries/ next to the binary's build directory, then the installed
 * data directory. Returns a new string or NULL. */
char *pb_bundled_dictionaries(void);

/* Load every file of f into a new frozen dictionary. Problems go to
 * diags; returns NULL (and sets error) only when a file cannot be read. */
pb_dict *pb_dict_load_files(const pb_dict_files *f, pb_diags *diags, GError **error);

#endif
