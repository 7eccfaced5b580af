/*
 * fuzz_reader.c - libFuzzer target for the corpus readers. Built once per
 * format with -DPB_FUZZ_FORMAT=<pb_input_format>. The input is written to
 * a scratch file and read to the end: every record comes back coded or
 * rejected, or the reader ends with an error, and nothing crashes.
 * Without PB_FUZZ_FORMAT only pb_fuzz_reader() is defined (for replays).
 */
#include "pb_corpus.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int pb_fuzz_reader(int format, const uint8_t *data, size_t size);

int pb_fuzz_reader(int format, const uint8_t *data, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/polybius-fuzz-%d", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    char *keep[] = {"source", NULL};
    pb_reader_options opt = {0};
    opt.format = (pb_input_format)format;
    opt.keep = format == PB_FMT_JSONL ? keep : NULL;
    opt.default_date = format == PB_FMT_TEXT ? 20260108 : 0;
    GError *error = NULL;
    pb_reader *r = pb_reader_open(path, &opt, &error);
    if (r) {
        pb_doc doc;
        long n = 0;
        while (pb_reader_next(r, &doc, &error) && n++ < 100000)
            pb_doc_clear(&doc);
        pb_reader_close(r);
    }
    if (error)
        g_error_free(error);
    unlink(path);
    return 0;
}

#ifdef PB_FUZZ_FORMAT
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return pb_fuzz_reader(PB_FUZZ_FORMAT, data, size);
}
#endif
