/* bench/loadgen: concurrent librdkafka clients against one broker (issue 19 target 3).
 *
 * P producers and C consumers run at the same time, each its own rd_kafka_t (so its own
 * connections and threads, as separate client processes would have). Producers write
 * RECORDS records of SIZE bytes in total to PTOPIC with acks=all and time every record from
 * rd_kafka_producev to its delivery report; consumers read RECORDS records in total from
 * CTOPIC (assigned partitions from the beginning, no group), which must already hold them.
 * Producer p writes the partitions j with j % P == p in turn, consumer c reads those with
 * j % C == c, so any client count can be set against any partition count.
 *
 *   cc -O2 -pthread -o loadgen bench/loadgen.c -lrdkafka
 *   loadgen BOOTSTRAP PRODUCERS PTOPIC CONSUMERS CTOPIC PARTITIONS RECORDS SIZE [RATE]
 *
 * Either side may be 0 clients. RATE (records/s of all producers together) paces them, for
 * latency under a steady load rather than under saturation, where a record's latency is
 * mostly its wait in the client's own queue. CTOPIC may be PTOPIC: consumers then read the
 * records as the producers write them. Prints one line of key=value pairs:
 *   produced= produce_s= produce_rps= p50_ms= p99_ms= p999_ms= max_ms=
 *   consumed= consume_s= consume_rps=
 * where each rate is the side's records over the time from its first client's start to its
 * last client's end. Exits 1 on any delivery or consume error. bench/run compiles and runs it. */
#include <librdkafka/rdkafka.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *bootstrap;
static int partitions;
static size_t record_size;
static double rate; /* records/s of each producer; 0: as fast as it can */
static pthread_barrier_t start_line;

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void die(const char *what, const char *why) {
    fprintf(stderr, "loadgen: %s: %s\n", what, why);
    exit(1);
}

static rd_kafka_conf_t *conf_with(const char *const *kv) {
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    if (rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap, err, sizeof err) != RD_KAFKA_CONF_OK)
        die("bootstrap.servers", err);
    for (; kv[0]; kv += 2)
        if (rd_kafka_conf_set(conf, kv[0], kv[1], err, sizeof err) != RD_KAFKA_CONF_OK)
            die(kv[0], err);
    return conf;
}

/* Waits until the client knows the topic's partitions and leaders: clients are timed from
 * when they could produce or fetch, not from their start-up (a librdkafka client whose first
 * connection is up before it registers the topic learns of it only at its next metadata
 * refresh, a second later). Returns the handle, to be kept for the client's life. */
static rd_kafka_topic_t *known_topic(rd_kafka_t *rk, const char *topic) {
    rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topic, NULL);
    const struct rd_kafka_metadata *md = NULL;
    rd_kafka_resp_err_t e = rd_kafka_metadata(rk, 0, rkt, &md, 30000);
    if (e)
        die("metadata", rd_kafka_err2str(e));
    if (md->topic_cnt != 1 || md->topics[0].err || md->topics[0].partition_cnt < partitions)
        die("metadata", "the topic is missing or has too few partitions");
    rd_kafka_metadata_destroy(md);
    return rkt;
}

struct client {
    pthread_t thread;
    int index, of;
    const char *topic;
    long records;      /* this client's share */
    uint64_t start, end;
    uint64_t *lat;     /* producers: delivery latency of each record, ns */
    long delivered, failed;
};

static void on_delivery(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
    (void)rk;
    struct client *c = opaque;
    if (m->err) {
        if (c->failed++ == 0)
            fprintf(stderr, "loadgen: delivery failed: %s\n", rd_kafka_err2str(m->err));
        return;
    }
    c->lat[c->delivered++] = now_ns() - (uint64_t)(uintptr_t)m->_private;
}

static void *produce(void *arg) {
    struct client *c = arg;
    char err[512];
    const char *kv[] = {"acks", "all", "linger.ms", "5",
                        NULL};
    rd_kafka_conf_t *conf = conf_with(kv);
    rd_kafka_conf_set_opaque(conf, c);
    rd_kafka_conf_set_dr_msg_cb(conf, on_delivery);
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    if (!rk)
        die("rd_kafka_new", err);
    rd_kafka_topic_t *rkt = known_topic(rk, c->topic);
    char *value = malloc(record_size);
    memset(value, 'x', record_size);
    int own = 0; /* partitions this producer writes: j % of == index */
    for (int j = c->index; j < partitions; j += c->of)
        own++;
    pthread_barrier_wait(&start_line);
    c->start = now_ns();
    for (long i = 0; i < c->records; i++) {
        if (rate > 0) {
            /* Paced: record i is due at start + i/rate (delivery reports are served while
             * waiting, so their timing stays fine-grained). */
            uint64_t due = c->start + (uint64_t)((double)i / rate * 1e9);
            for (uint64_t t = now_ns(); t < due; t = now_ns()) {
                if (due - t >= 1000000)
                    rd_kafka_poll(rk, 1);
                else {
                    struct timespec ts = {0, (long)(due - t)};
                    nanosleep(&ts, NULL);
                }
            }
        }
        int32_t part = c->index + (int32_t)(i % own) * c->of;
        for (;;) {
            rd_kafka_resp_err_t e = rd_kafka_producev(
                rk, RD_KAFKA_V_TOPIC(c->topic), RD_KAFKA_V_PARTITION(part),
                RD_KAFKA_V_VALUE(value, record_size), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                RD_KAFKA_V_OPAQUE((void *)(uintptr_t)now_ns()), RD_KAFKA_V_END);
            if (e == RD_KAFKA_RESP_ERR_NO_ERROR)
                break;
            if (e != RD_KAFKA_RESP_ERR__QUEUE_FULL)
                die("produce", rd_kafka_err2str(e));
            rd_kafka_poll(rk, 1);
        }
        rd_kafka_poll(rk, 0);
    }
    while (rd_kafka_outq_len(rk) > 0)
        rd_kafka_poll(rk, 10);
    c->end = now_ns();
    rd_kafka_topic_destroy(rkt);
    rd_kafka_destroy(rk);
    free(value);
    return NULL;
}

static void *consume(void *arg) {
    struct client *c = arg;
    char err[512];
    const char *kv[] = {"enable.auto.commit", "false", "enable.partition.eof", "false",
                        "group.id", "loadgen", NULL};
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf_with(kv), err, sizeof err);
    if (!rk)
        die("rd_kafka_new", err);
    rd_kafka_topic_t *rkt = known_topic(rk, c->topic);
    rd_kafka_topic_partition_list_t *parts = rd_kafka_topic_partition_list_new(partitions);
    for (int j = c->index; j < partitions; j += c->of)
        rd_kafka_topic_partition_list_add(parts, c->topic, j)->offset = RD_KAFKA_OFFSET_BEGINNING;
    pthread_barrier_wait(&start_line);
    c->start = now_ns();
    rd_kafka_resp_err_t e = rd_kafka_assign(rk, parts);
    if (e)
        die("assign", rd_kafka_err2str(e));
    while (c->delivered < c->records) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 1000);
        if (!m)
            continue;
        if (m->err)
            die("consume", rd_kafka_message_errstr(m));
        if (m->len != record_size)
            die("consume", "a record of the wrong size");
        c->delivered++;
        rd_kafka_message_destroy(m);
    }
    c->end = now_ns();
    rd_kafka_topic_partition_list_destroy(parts);
    rd_kafka_topic_destroy(rkt);
    rd_kafka_consumer_close(rk);
    rd_kafka_destroy(rk);
    return NULL;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static double pct_ms(const uint64_t *xs, long n, double q) {
    if (n == 0)
        return 0;
    long i = (long)(q * (double)(n - 1) + 0.5);
    return (double)xs[i] / 1e6;
}

/* Starts `n` clients of one side, sharing `records` (the first ones take the remainder). */
static struct client *start(int n, const char *topic, long records, void *(*fn)(void *)) {
    struct client *cs = calloc((size_t)(n ? n : 1), sizeof *cs);
    for (int i = 0; i < n; i++) {
        cs[i].index = i;
        cs[i].of = n;
        cs[i].topic = topic;
        cs[i].records = records / n + (i < records % n);
        if (fn == produce)
            cs[i].lat = malloc((size_t)cs[i].records * sizeof(uint64_t));
        if (pthread_create(&cs[i].thread, NULL, fn, &cs[i]))
            die("pthread_create", "failed");
    }
    return cs;
}

/* Joins a side's clients; its records and its span (first start to last end) in seconds. */
static double finish(struct client *cs, int n, long *count, long *failed) {
    uint64_t first = UINT64_MAX, last = 0;
    *count = *failed = 0;
    for (int i = 0; i < n; i++) {
        pthread_join(cs[i].thread, NULL);
        if (cs[i].start < first)
            first = cs[i].start;
        if (cs[i].end > last)
            last = cs[i].end;
        *count += cs[i].delivered;
        *failed += cs[i].failed;
    }
    return n ? (double)(last - first) / 1e9 : 0;
}

int main(int argc, char **argv) {
    if (argc != 9 && argc != 10) {
        fprintf(stderr, "usage: loadgen BOOTSTRAP PRODUCERS PTOPIC CONSUMERS CTOPIC PARTITIONS "
                        "RECORDS SIZE [RATE]\n");
        return 2;
    }
    bootstrap = argv[1];
    int np = atoi(argv[2]), nc = atoi(argv[4]);
    partitions = atoi(argv[6]);
    long records = atol(argv[7]);
    record_size = (size_t)atol(argv[8]);
    rate = argc == 10 && np > 0 ? atof(argv[9]) / np : 0;
    if (np < 0 || nc < 0 || np + nc == 0 || partitions < 1 || np > partitions ||
        nc > partitions || records < 1 || record_size < 1)
        die("arguments", "need 0..PARTITIONS clients a side, one at least, RECORDS and SIZE > 0");
    pthread_barrier_init(&start_line, NULL, (unsigned)(np + nc));
    struct client *ps = start(np, argv[3], records, produce);
    struct client *cs = start(nc, argv[5], records, consume);
    long produced, failed, consumed, unused;
    double ps_s = finish(ps, np, &produced, &failed);
    double cs_s = finish(cs, nc, &consumed, &unused);
    if (failed)
        die("produce", "some deliveries failed");

    uint64_t *lat = malloc((size_t)(produced ? produced : 1) * sizeof(uint64_t));
    long k = 0;
    for (int i = 0; i < np; i++) {
        memcpy(lat + k, ps[i].lat, (size_t)ps[i].delivered * sizeof(uint64_t));
        k += ps[i].delivered;
    }
    qsort(lat, (size_t)k, sizeof *lat, cmp_u64);
    printf("produced=%ld produce_s=%.3f produce_rps=%.0f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f "
           "max_ms=%.3f consumed=%ld consume_s=%.3f consume_rps=%.0f\n",
           produced, ps_s, ps_s > 0 ? produced / ps_s : 0, pct_ms(lat, k, 0.5),
           pct_ms(lat, k, 0.99), pct_ms(lat, k, 0.999), k ? (double)lat[k - 1] / 1e6 : 0,
           consumed, cs_s, cs_s > 0 ? consumed / cs_s : 0);
    return 0;
}
