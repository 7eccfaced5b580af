/*
 * cmd_code.c - `polybius code`: corpus in, event dataset out.
 *
 * Reads each INPUT (or standard input) in its format, codes it through
 * the pipeline (pb_pipeline.h) and writes the events, the rejected
 * records and a summary whose counts reconcile: documents read = coded +
 * rejected (+ other shards). Output files are written to a temporary file
 * beside the target and renamed at the end, so an interrupted or failed
 * run leaves no partial file; SIGINT and SIGTERM stop the run cleanly.
 */
#include "pb_cli.h"
#include "pb_outfile.h"
#include "pb_codebook.h"
#include "pb_corpus.h"
#include "pb_pipeline.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Set by the signal handler; the only process-wide state, as a signal
 * handler can reach nothing else. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    interrupted = sig;
}

/* ---- an output file written atomically ------------------------------------- */

typedef struct {
    char *path;       /* final name; NULL for stdout */
    char *tmp;        /* temporary name, renamed at the end */
    FILE *fp;
} out_file;

static gboolean out_open(out_file *o, const char *path, GError **error)
{
    memset(o, 0, sizeof *o);
    if (!path || strcmp(path, "-") == 0) {
        o->fp = stdout;
        return TRUE;
    }
    /* A device or pipe (/dev/null, /dev/full, a FIFO) is written directly:
     * renaming over it would replace the device; a symbolic link is
     * followed (pb_outfile.h). */
    char *target = pb_outfile_target(path);
    if (!target) {
        o->path = g_strdup(path);
        o->fp = fopen(path, "w");
        if (!o->fp) {
            g_set_error(error, PB_ERROR, PB_ERROR_IO, "cannot write '%s': %s", path, g_strerror(errno));
            return FALSE;
        }
        return TRUE;
    }
    o->path = target;
    o->tmp = g_strdup_printf("%s.tmp-XXXXXX", target);
    int fd = g_mkstemp(o->tmp);
    if (fd < 0) {
        g_set_error(error, PB_ERROR, PB_ERROR_IO, "cannot write '%s': %s", path, g_strerror(errno));
        g_free(o->tmp);
        o->tmp = NULL;
        return FALSE;
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask); /* as a file the shell would create */
    o->fp = fdopen(fd, "w");
    setvbuf(o->fp, NULL, _IOFBF, 1 << 20);
    return TRUE;
}

static gboolean out_write(out_file *o, const char *data, size_t len, GError **error)
{
    if (fwrite(data, 1, len, o->fp) != len) {
        g_set_error(error, PB_ERROR, PB_ERROR_IO, "cannot write '%s': %s", o->path ? o->path : "standard output",
                    g_strerror(errno));
        return FALSE;
    }
    return TRUE;
}

/* Finish: flush, then rename into place (commit) or remove. */
static gboolean out_close(out_file *o, gboolean commit, GError **error)
{
    gboolean ok = TRUE;
    if (o->fp) {
        if (fflush(o->fp) != 0 || ferror(o->fp)) {
            if (commit && error && !*error)
                g_set_error(error, PB_ERROR, PB_ERROR_IO, "cannot write '%s': %s",
                            o->path ? o->path : "standard output", g_strerror(errno));
            ok = FALSE;
        }
        if (o->fp != stdout && fclose(o->fp) != 0 && ok) {
            /* the last buffered bytes go out here (and NFS reports late) */
            if (commit && error && !*error)
                g_set_error(error, PB_ERROR, PB_ERROR_IO, "cannot write '%s': %s", o->path, g_strerror(errno));
            ok = FALSE;
        }
        o->fp = NULL;
    }
    if (o->tmp) {
        if (commit && ok) {
            if (rename(o->tmp, o->path) != 0) {
                g_set_error(error, PB_ERROR, PB_ERROR_IO, "cannot rename '%s' to '%s': %s", o->tmp, o->path,
                            g_strerror(errno));
                ok = FALSE;
            }
        }
        if (!commit || !ok)
            unlink(o->tmp);
        g_free(o->tmp);
        o->tmp = NULL;
    }
    g_free(o->path);
    o->path = NULL;
    return ok;
}

/* ---- sinks for the pipeline ---------------------------------------------------- */

typedef struct {
    out_file events;
    out_file rejects;
    gboolean have_rejects;
    gboolean progress;
    gint64 started;
    const char *input;
} sinks;

static gboolean sink_write(void *data, const char *bytes, size_t len, GError **error)
{
    sinks *s = data;
    return out_write(&s->events, bytes, len, error);
}

static gboolean sink_reject(void *data, const pb_doc *doc, GError **error)
{
    sinks *s = data;
    if (!s->have_rejects)
        return TRUE;
    GString *g = g_string_new(NULL);
    pb_csv_append(g, doc->source);
    g_string_append_printf(g, ",%ld,", doc->record);
    if (doc->line > 0)
        g_string_append_printf(g, "%ld", doc->line);
    g_string_append_c(g, ',');
    pb_csv_append(g, doc->id);
    g_string_append_c(g, ',');
    pb_csv_append(g, doc->reject);
    g_string_append_c(g, '\n');
    gboolean ok = out_write(&s->rejects, g->str, g->len, error);
    g_string_free(g, TRUE);
    return ok;
}

static void sink_progress(void *data, const pb_stats *st, const pb_reader *reader)
{
    sinks *s = data;
    if (!s->progress)
        return;
    guint64 done, total;
    pb_reader_progress(reader, &done, &total);
    double secs = (double)(g_get_monotonic_time() - s->started) / 1e6;
    double rate = secs > 0 ? (double)st->docs / secs : 0;
    fprintf(stderr, "\r%s: %" G_GUINT64_FORMAT " records, %.1f", s->input, st->docs, (double)done / 1e6);
    if (total > 0) {
        double eta = done > 0 ? secs * ((double)total / (double)done - 1.0) : 0;
        fprintf(stderr, "/%.1f MB, %.0f records/s, ETA %.0f s   ", (double)total / 1e6, rate, eta);
    } else {
        fprintf(stderr, " MB, %.0f records/s   ", rate);
    }
    fflush(stderr);
}

/* ---- the command ----------------------------------------------------------------- */

static gboolean parse_shard(const char *s, guint *index, guint *count)
{
    unsigned a, b;
    char extra;
    if (!s || sscanf(s, "%u/%u%c", &a, &b, &extra) != 2 || b == 0 || a == 0 || a > b)
        return FALSE;
    *index = a;
    *count = b;
    return TRUE;
}

static char **split_list(const char *s)
{
    if (!s || !*s)
        return NULL;
    char **parts = g_strsplit(s, ",", -1);
    for (char **p = parts; *p; p++)
        g_strstrip(*p);
    return parts;
}

int pb_cmd_code(int argc, char **argv)
{
    pb_dict_cli cli = {0};
    char *in_format = NULL, *out_format = NULL, *output = NULL, *rejects = NULL, *date_text = NULL;
    char *id_col = NULL, *date_col = NULL, *text_col = NULL, *keep = NULL, *shard = NULL, *codebook_path = NULL;
    int threads = -1, batch = 256;
    gboolean no_text = FALSE, quiet = FALSE, progress_flag = FALSE, no_progress = FALSE;
    GOptionEntry entries[] = {
        {"input-format", 'i', 0, G_OPTION_ARG_STRING, &in_format,
         "Input format: text, csv, tsv, jsonl, tabari, xml (default: from the name and first bytes)", "FMT"},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &out_format, "Output format: csv (default), tsv, jsonl", "FMT"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write events to FILE (default: standard output)", "FILE"},
        {"rejects", 'r', 0, G_OPTION_ARG_FILENAME, &rejects, "Write rejected records (CSV) to FILE", "FILE"},
        {"date", 'd', 0, G_OPTION_ARG_STRING, &date_text, "Date for records without one (YYYY-MM-DD)", "DATE"},
        {"id-column", 0, 0, G_OPTION_ARG_STRING, &id_col, "Column or JSON field of the document id (default: id)", "NAME"},
        {"date-column", 0, 0, G_OPTION_ARG_STRING, &date_col, "Column or field of the date (default: date)", "NAME"},
        {"text-column", 0, 0, G_OPTION_ARG_STRING, &text_col, "Column or field of the text (default: text)", "NAME"},
        {"id-field", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &id_col, NULL, "NAME"},
        {"date-field", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &date_col, NULL, "NAME"},
        {"text-field", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &text_col, NULL, "NAME"},
        {"keep-columns", 'k', 0, G_OPTION_ARG_STRING, &keep, "Carry these input columns into the output", "A,B"},
        {"no-text", 0, 0, G_OPTION_ARG_NONE, &no_text, "Leave out the text column", NULL},
        {"threads", 't', 0, G_OPTION_ARG_INT, &threads, "Worker threads (default: the number of cores)", "N"},
        {"batch", 0, 0, G_OPTION_ARG_INT, &batch, "Documents per batch (default: 256)", "N"},
        {"shard", 0, 0, G_OPTION_ARG_STRING, &shard, "Code only the documents of shard I of N (by a hash of the id)", "I/N"},
        {"codebook", 0, 0, G_OPTION_ARG_FILENAME, &codebook_path, "CAMEO codebook TSV (default: the dictionaries')", "FILE"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No summary on standard error", NULL},
        {"progress", 0, 0, G_OPTION_ARG_NONE, &progress_flag, "Show progress even when stderr is not a terminal", NULL},
        {"no-progress", 0, 0, G_OPTION_ARG_NONE, &no_progress, "Never show progress", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionContext *ctx = g_option_context_new("[INPUT...] - code a corpus into CAMEO events");
    g_option_context_set_description(ctx,
        "INPUT is a file, a directory of .txt files, or - (standard input, the default).\n"
        "Output columns are described in docs/output.md. Every record is either coded or\n"
        "listed with its reason in --rejects; the summary's counts reconcile.\n\n"
        "Exit status: 0 success (rejected records included), 1 input, output or\n"
        "dictionary error, 2 usage error, 130 interrupted (SIGINT or SIGTERM; no\n"
        "output file is left behind).");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_add_group(ctx, pb_dict_cli_group(&cli));
    int status = PB_EXIT_OK;
    pb_dict *d = NULL;
    pb_codebook *cb = NULL;
    char **keep_list = NULL;
    pb_reader_options ropt = {0};
    pb_writer_options wopt = {0};
    pb_pipeline_config cfg = {0};
    sinks s = {0};
    GError *error = NULL;
    gboolean outputs_open = FALSE;
    char *events_file = NULL; /* the events file, for the message when nothing is committed */

    if (!pb_cli_parse(ctx, &argc, &argv)) {
        status = PB_EXIT_USAGE;
        goto out;
    }
    if (in_format && (int)(ropt.format = pb_format_from_name(in_format)) < 0) {
        fprintf(stderr, "polybius code: unknown --input-format '%s' (text, csv, tsv, jsonl, tabari, xml)\n", in_format);
        status = PB_EXIT_USAGE;
        goto out;
    }
    wopt.format = PB_OUTPUT_CSV;
    if (out_format) {
        if (g_ascii_strcasecmp(out_format, "tsv") == 0)
            wopt.format = PB_OUTPUT_TSV;
        else if (g_ascii_strcasecmp(out_format, "jsonl") == 0 || g_ascii_strcasecmp(out_format, "json") == 0)
            wopt.format = PB_OUTPUT_JSONL;
        else if (g_ascii_strcasecmp(out_format, "csv") != 0) {
            fprintf(stderr, "polybius code: unknown --format '%s' (csv, tsv, jsonl)\n", out_format);
            status = PB_EXIT_USAGE;
            goto out;
        }
    }
    if (date_text && !(ropt.default_date = pb_date_parse_str(date_text))) {
        fprintf(stderr, "polybius code: --date '%s' is not a date (YYYY-MM-DD)\n", date_text);
        status = PB_EXIT_USAGE;
        goto out;
    }
    if (threads == -1)
        threads = (int)g_get_num_processors();
    if (threads < 1 || threads > 1024) {
        fprintf(stderr, "polybius code: --threads must be between 1 and 1024, not %d\n", threads);
        status = PB_EXIT_USAGE;
        goto out;
    }
    if (batch < 1) {
        fprintf(stderr, "polybius code: --batch must be at least 1\n");
        status = PB_EXIT_USAGE;
        goto out;
    }
    if (shard && !parse_shard(shard, &cfg.shard_index, &cfg.shard_count)) {
        fprintf(stderr, "polybius code: --shard expects I/N with 1 <= I <= N, not '%s'\n", shard);
        status = PB_EXIT_USAGE;
        goto out;
    }
    keep_list = split_list(keep);
    for (char **k = keep_list; k && *k; k++) {
        char *renamed = g_strdup_printf("input_%s", *k);
        gboolean clash = pb_is_output_column(*k) && g_strv_contains((const gchar *const *)keep_list, renamed);
        g_free(renamed);
        if (clash) {
            fprintf(stderr, "polybius code: --keep-columns: '%s' is written as 'input_%s', which is also kept\n", *k, *k);
            status = PB_EXIT_USAGE;
            goto out;
        }
    }
    ropt.id_field = id_col;
    ropt.date_field = date_col;
    ropt.text_field = text_col;
    ropt.keep = keep_list;
    ropt.stop = &interrupted;

    double load_seconds = 0;
    d = pb_dict_cli_load(&cli, &load_seconds);
    if (!d) {
        status = PB_EXIT_INPUT;
        goto out;
    }
    ropt.yyyy = d->options.yyyy;
    if (!codebook_path)
        codebook_path = pb_find_codebook(cli.dir);
    if (codebook_path && g_file_test(codebook_path, G_FILE_TEST_EXISTS)) {
        cb = pb_codebook_load(codebook_path, &error);
        if (!cb) {
            fprintf(stderr, "polybius code: %s\n", error->message);
            status = PB_EXIT_INPUT;
            goto out;
        }
    }
    wopt.text = !no_text;
    wopt.keep = keep_list;
    wopt.codebook = cb;

    if (!out_open(&s.events, output, &error)) {
        fprintf(stderr, "polybius code: %s\n", error->message);
        status = PB_EXIT_INPUT;
        goto out;
    }
    if (rejects) {
        if (!out_open(&s.rejects, rejects, &error)) {
            fprintf(stderr, "polybius code: %s\n", error->message);
            out_close(&s.events, FALSE, NULL);
            status = PB_EXIT_INPUT;
            goto out;
        }
        s.have_rejects = TRUE;
        const char *header = "source,record,line,id,reason\n";
        out_write(&s.rejects, header, strlen(header), NULL);
    }
    outputs_open = TRUE;
    s.progress = !no_progress && !quiet && (progress_flag || isatty(2));
    s.started = g_get_monotonic_time();

    GString *header = g_string_new(NULL);
    pb_write_header(&wopt, header);
    gboolean ok = header->len == 0 || out_write(&s.events, header->str, header->len, &error);
    g_string_free(header, TRUE);

    struct sigaction sa = {0}, old_int, old_term;
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);

    cfg.dict = d;
    cfg.opt = &d->options;
    cfg.writer = &wopt;
    cfg.threads = threads;
    cfg.batch_size = batch;
    cfg.write = sink_write;
    cfg.reject = sink_reject;
    cfg.progress = sink_progress;
    cfg.sink = &s;
    cfg.stop = &interrupted;
    pb_stats stats = {0};
    int ninputs = argc > 1 ? argc - 1 : 1;
    for (int i = 0; i < ninputs && ok && !interrupted; i++) {
        const char *path = argc > 1 ? argv[i + 1] : "-";
        s.input = path;
        pb_reader *r = pb_reader_open(path, &ropt, &error);
        if (!r) {
            ok = FALSE;
            break;
        }
        ok = pb_pipeline_run(&cfg, r, &stats, &error);
        pb_reader_close(r);
    }
    if (s.progress)
        fputs("\r\033[K", stderr);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    double secs = (double)(g_get_monotonic_time() - s.started) / 1e6;

    gboolean commit = ok && !interrupted;
    events_file = s.events.tmp ? g_strdup(s.events.path) : NULL;
    if (!out_close(&s.events, commit, &error))
        ok = FALSE;
    if (s.have_rejects && !out_close(&s.rejects, commit && ok, &error))
        ok = FALSE;
    outputs_open = FALSE;
    if (interrupted) {
        fprintf(stderr, "polybius code: interrupted by signal %d after %" G_GUINT64_FORMAT
                        " documents; no output file was written\n", (int)interrupted, stats.docs);
        status = 130;
    } else if (!ok) {
        fprintf(stderr, "polybius code: %s\n", error ? error->message : "failed");
        if (events_file)
            fprintf(stderr, "polybius code: %s was not written (an existing file by that name is untouched)\n",
                    events_file);
        status = PB_EXIT_INPUT;
    }
    if (!quiet && status != 130) {
        fprintf(stderr,
                "polybius: %" G_GUINT64_FORMAT " documents read: %" G_GUINT64_FORMAT " coded, %" G_GUINT64_FORMAT
                " rejected",
                stats.docs, stats.coded, stats.rejected);
        if (cfg.shard_count)
            fprintf(stderr, ", %" G_GUINT64_FORMAT " in other shards", stats.other_shard);
        fprintf(stderr, "; %" G_GUINT64_FORMAT " sentences (%" G_GUINT64_FORMAT " with events, %" G_GUINT64_FORMAT
                        " too short, %" G_GUINT64_FORMAT " discarded, %" G_GUINT64_FORMAT " complex); %" G_GUINT64_FORMAT
                        " events\n",
                stats.sentences, stats.sentences_with_events, stats.too_short, stats.discarded, stats.complex,
                stats.events);
        fprintf(stderr, "polybius: %.2f s (dictionaries %.3f s), %.0f sentences/s, %.2f MB/s of text, %d thread%s\n",
                secs + load_seconds, load_seconds, secs > 0 ? (double)stats.sentences / secs : 0.0,
                secs > 0 ? (double)stats.text_bytes / 1e6 / secs : 0.0, threads, threads == 1 ? "" : "s");
    }
out:
    g_free(events_file);
    if (outputs_open) {
        out_close(&s.events, FALSE, NULL);
        if (s.have_rejects)
            out_close(&s.rejects, FALSE, NULL);
    }
    if (error)
        g_error_free(error);
    pb_codebook_free(cb);
    pb_dict_free(d);
    g_strfreev(keep_list);
    g_free(in_format);
    g_free(out_format);
    g_free(output);
    g_free(rejects);
    g_free(date_text);
    g_free(id_col);
    g_free(date_col);
    g_free(text_col);
    g_free(keep);
    g_free(shard);
    g_free(codebook_path);
    pb_dict_cli_clear(&cli);
    g_option_context_free(ctx);
    return status;
}
