/*
 * pipeline.c - worker threads, batches and in-order output (pb_pipeline.h).
 *
 * Workers pull batches from a GAsyncQueue; each has its own pb_coder and
 * sentence-span scratch array, so coding shares nothing but the frozen
 * dictionary. The calling thread keeps the in-flight batches in a FIFO
 * and writes the head as soon as it is done; it waits when the FIFO is
 * full, which bounds memory.
 */
#include "pb_pipeline.h"
#include "pb_coder.h"
#include "pb_split.h"

#include <pthread.h>
#include <signal.h>
#include <string.h>

guint pb_shard_of(const char *id, guint n)
{
    guint64 h = 14695981039346656037ull; /* FNV-1a 64-bit offset basis */
    for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
        h ^= *p;
        h *= 1099511628211ull;
    }
    return n ? (guint)(h % n) : 0;
}

typedef struct {
    GPtrArray *docs;   /* pb_doc*, owned */
    GString *out;
    pb_stats stats;
    gboolean done;
} batch;

typedef struct {
    const pb_pipeline_config *cfg;
    GAsyncQueue *work;
    GMutex lock;
    GCond cond;
} pool;

static batch *batch_new(void)
{
    batch *b = g_new0(batch, 1);
    b->docs = g_ptr_array_new();
    b->out = g_string_sized_new(1 << 16);
    return b;
}

static void batch_free(batch *b)
{
    for (guint i = 0; i < b->docs->len; i++) {
        pb_doc *d = g_ptr_array_index(b->docs, i);
        pb_doc_clear(d);
        g_free(d);
    }
    g_ptr_array_unref(b->docs);
    g_string_free(b->out, TRUE);
    g_free(b);
}

/* Code one document into rows. */
static void add_stats(pb_stats *to, const pb_stats *from);

static void code_doc(pb_coder *coder, const pb_pipeline_config *cfg, const pb_doc *doc, GArray *spans, batch *b)
{
    const char *text = doc->text;
    size_t len = strlen(text);
    g_array_set_size(spans, 0);
    if (doc->presplit) {
        pb_span all = {0, len};
        g_array_append_val(spans, all);
    } else {
        pb_split_sentences(text, len, spans);
    }
    pb_forward fwd;
    gboolean have_fwd = FALSE;
    b->stats.text_bytes += len;
    /* the document's own counts, added to the batch at the end: a
     * story-level discard takes back what its earlier sentences wrote */
    pb_stats doc_stats = {0};
    gsize out_start = b->out->len;
    for (guint i = 0; i < spans->len; i++) {
        const pb_span *sp = &g_array_index(spans, pb_span, i);
        pb_result res;
        pb_code_sentence(coder, text + sp->start, sp->end - sp->start, doc->date, have_fwd ? &fwd : NULL, &res);
        doc_stats.sentences++;
        if (res.story_discard) {
            g_string_truncate(b->out, out_start);
            pb_coder_reset(coder);
            b->stats.sentences += spans->len;
            b->stats.discarded += spans->len; /* every sentence of the story, this one included */
            return;
        }
        switch (res.status) {
        case PB_STATUS_SHORT: doc_stats.too_short++; break;
        case PB_STATUS_DISCARD: doc_stats.discarded++; break;
        case PB_STATUS_COMPLEX: doc_stats.complex++; break;
        default: break;
        }
        if (res.nevents > 0) {
            doc_stats.sentences_with_events++;
            doc_stats.events += res.nevents;
            pb_row_context row = {doc->id, (int)i + 1, text + sp->start, sp->end - sp->start, doc->keep};
            pb_write_events(cfg->writer, &row, res.events, res.nevents, b->out);
        }
        if (cfg->opt->forward) {
            fwd = res.forward;
            have_fwd = TRUE;
        }
        pb_coder_reset(coder);
    }
    add_stats(&b->stats, &doc_stats);
}

static void code_batch(pb_coder *coder, const pb_pipeline_config *cfg, GArray *spans, batch *b)
{
    for (guint i = 0; i < b->docs->len; i++)
        code_doc(coder, cfg, g_ptr_array_index(b->docs, i), spans, b);
}

static gpointer worker(gpointer data)
{
    pool *p = data;
    pb_coder coder;
    pb_coder_init(&coder, p->cfg->dict, p->cfg->opt);
    GArray *spans = g_array_new(FALSE, FALSE, sizeof(pb_span));
    for (;;) {
        batch *b = g_async_queue_pop(p->work);
        if (b->docs == NULL) { /* the stop marker */
            g_free(b);
            break;
        }
        code_batch(&coder, p->cfg, spans, b);
        g_mutex_lock(&p->lock);
        b->done = TRUE;
        g_cond_broadcast(&p->cond);
        g_mutex_unlock(&p->lock);
    }
    g_array_unref(spans);
    pb_coder_clear(&coder);
    return NULL;
}

static void add_stats(pb_stats *to, const pb_stats *from)
{
    to->sentences += from->sentences;
    to->sentences_with_events += from->sentences_with_events;
    to->events += from->events;
    to->too_short += from->too_short;
    to->discarded += from->discarded;
    to->complex += from->complex;
    to->text_bytes += from->text_bytes;
}

/* Write and free the oldest in-flight batch, waiting for it if needed. */
static gboolean retire(pool *p, GQueue *inflight, pb_stats *stats, GError **error)
{
    batch *b = g_queue_pop_head(inflight);
    if (p) {
        g_mutex_lock(&p->lock);
        while (!b->done)
            g_cond_wait(&p->cond, &p->lock);
        g_mutex_unlock(&p->lock);
    }
    add_stats(stats, &b->stats);
    gboolean ok = b->out->len == 0 || p->cfg->write(p->cfg->sink, b->out->str, b->out->len, error);
    batch_free(b);
    return ok;
}

gboolean pb_pipeline_run(const pb_pipeline_config *cfg, pb_reader *reader, pb_stats *stats, GError **error)
{
    int threads = MAX(1, cfg->threads);
    pool p = {cfg, NULL, {0}, {0}};
    GThread **workers = NULL;
    pb_coder coder; /* single-threaded runs code in the calling thread */
    GArray *spans = NULL;
    if (threads > 1) {
        p.work = g_async_queue_new();
        g_mutex_init(&p.lock);
        g_cond_init(&p.cond);
        workers = g_new0(GThread *, threads);
        /* SIGINT and SIGTERM go to the calling thread, where the reader may
         * be waiting for input: the workers never take them */
        sigset_t block, old;
        sigemptyset(&block);
        sigaddset(&block, SIGINT);
        sigaddset(&block, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &block, &old);
        for (int i = 0; i < threads; i++)
            workers[i] = g_thread_new("polybius-coder", worker, &p);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
    } else {
        pb_coder_init(&coder, cfg->dict, cfg->opt);
        spans = g_array_new(FALSE, FALSE, sizeof(pb_span));
    }
    GQueue inflight = G_QUEUE_INIT;
    guint max_inflight = (guint)threads * 2 + 1;
    batch *cur = batch_new();
    gboolean ok = TRUE;
    GError *read_error = NULL; /* the documents read before it are still coded, so the counts add up */
    gint64 last_progress = 0;
    for (;;) {
        if (cfg->stop && *cfg->stop)
            break;
        pb_doc doc;
        if (!pb_reader_next(reader, &doc, &read_error))
            break;
        stats->docs++;
        if (cfg->shard_count > 0 && pb_shard_of(doc.id, cfg->shard_count) != cfg->shard_index - 1) {
            stats->other_shard++;
            pb_doc_clear(&doc);
            continue;
        }
        if (doc.reject) {
            stats->rejected++;
            gboolean wrote = !cfg->reject || cfg->reject(cfg->sink, &doc, error);
            pb_doc_clear(&doc);
            if (!wrote) {
                ok = FALSE;
                break;
            }
            continue;
        }
        stats->coded++;
        pb_doc *d = g_new(pb_doc, 1);
        *d = doc;
        g_ptr_array_add(cur->docs, d);
        if ((int)cur->docs->len >= cfg->batch_size) {
            if (threads > 1) {
                g_queue_push_tail(&inflight, cur);
                g_async_queue_push(p.work, cur);
                while (g_queue_get_length(&inflight) >= max_inflight && ok)
                    ok = retire(&p, &inflight, stats, error);
            } else {
                code_batch(&coder, cfg, spans, cur);
                add_stats(stats, &cur->stats);
                ok = cur->out->len == 0 || cfg->write(cfg->sink, cur->out->str, cur->out->len, error);
                batch_free(cur);
            }
            cur = batch_new();
            if (!ok)
                break;
        }
        if (cfg->progress) {
            gint64 now = g_get_monotonic_time();
            if (now - last_progress > 200000) {
                last_progress = now;
                cfg->progress(cfg->sink, stats, reader);
            }
        }
    }
    /* the last, partial batch */
    if (ok && cur->docs->len > 0 && !(cfg->stop && *cfg->stop)) {
        if (threads > 1) {
            g_queue_push_tail(&inflight, cur);
            g_async_queue_push(p.work, cur);
            cur = NULL;
        } else {
            code_batch(&coder, cfg, spans, cur);
            add_stats(stats, &cur->stats);
            ok = cur->out->len == 0 || cfg->write(cfg->sink, cur->out->str, cur->out->len, error);
        }
    }
    if (cur)
        batch_free(cur);
    if (threads > 1) {
        while (!g_queue_is_empty(&inflight)) {
            if (ok)
                ok = retire(&p, &inflight, stats, error);
            else {
                /* drain without writing */
                batch *b = g_queue_pop_head(&inflight);
                g_mutex_lock(&p.lock);
                while (!b->done)
                    g_cond_wait(&p.cond, &p.lock);
                g_mutex_unlock(&p.lock);
                batch_free(b);
            }
        }
        for (int i = 0; i < threads; i++)
            g_async_queue_push(p.work, g_new0(batch, 1)); /* stop markers: docs == NULL */
        for (int i = 0; i < threads; i++)
            g_thread_join(workers[i]);
        g_free(workers);
        g_async_queue_unref(p.work);
        g_mutex_clear(&p.lock);
        g_cond_clear(&p.cond);
    } else {
        pb_coder_clear(&coder);
        g_array_unref(spans);
    }
    if (cfg->progress)
        cfg->progress(cfg->sink, stats, reader);
    if (read_error) {
        if (ok)
            g_propagate_error(error, read_error);
        else
            g_error_free(read_error);
        ok = FALSE;
    }
    return ok;
}
