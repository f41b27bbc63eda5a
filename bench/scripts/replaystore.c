/* The fastest sender a C-STORE receiver can have (issue 20, SCU rows): one association, one C-STORE after the other
 * as storescu and `dsg store` send them (synchronous: each response read before the next request), with no work per
 * object besides the system calls. Before the first request every file is mapped (MAP_POPULATE: page cache, no copy)
 * and every P-DATA-TF header is built; each C-STORE is then one writev of its command PDU and data PDUs (headers
 * interleaved with slices of the mapped file) and a read of its response. Checks what it sends is valid: the receiver
 * must accept each presentation context and answer Success (0000H) to every C-STORE, else the exit status is 1.
 *
 *   replaystore [-aet AE] [-aec AE] [-w WINDOW] HOST PORT FILE...
 *
 * -w WINDOW (issue 20, asynchronous window row): proposes the Asynchronous Operations Window (PS3.7 D.3.3.3, WINDOW
 * invoked and performed) and keeps up to what the A-ASSOCIATE-AC grants outstanding (no item in it: one at a time),
 * sending the next request as each response arrives; the fastest pipelined sender a receiver can have.
 *
 * Files: Part 10 (preamble, DICM, group 2 with its group length first; what mkdata.py, storescp and dsg write); one
 * presentation context per (SOP class, transfer syntax) met. Each PDU holds one PDV of at most the receiver's Maximum
 * Length Received (PS3.8 D.1; 0: none, then 1 MiB PDUs), even fragments, the last command and data fragment marked
 * (PS3.8 Annex E). Prints: objects, successes, bytes of data sets, seconds from the A-ASSOCIATE-RQ to the
 * A-RELEASE-RP. bench/scripts/compare.sh builds it with `cc -O2`. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define MAXCTX 128
#define IOVS 1024 /* IOV_MAX on Linux */

struct obj {
    const unsigned char *map;
    size_t size, data_off;
    char sop[65], inst[65], ts[65];
    int ctx;
    struct iovec *iov; /* command PDU, then per data PDU: header, fragment */
    int niov;
};

static char ctx_sop[MAXCTX][65], ctx_ts[MAXCTX][65];
static int nctx;

static void die(const char *what) { fprintf(stderr, "replaystore: %s: %s\n", what, errno ? strerror(errno) : "failed"); exit(2); }
static void put16(unsigned char *p, unsigned v) { p[0] = v >> 8; p[1] = v; }
static void put32(unsigned char *p, uint32_t v) { p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v; }
static uint32_t get32(const unsigned char *p) { return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]; }
static unsigned le16(const unsigned char *p) { return p[0] | p[1] << 8; }
static uint32_t le32(const unsigned char *p) { return (uint32_t)le16(p) | (uint32_t)le16(p + 2) << 16; }

/* group 2 of a Part 10 file (explicit VR little endian): SOP class, instance, transfer syntax, where the data set starts */
static void parse_meta(struct obj *o, const char *path) {
    const unsigned char *m = o->map;
    size_t p, end;
    if (o->size < 144 || memcmp(m + 128, "DICM", 4) || le16(m + 132) != 2 || le16(m + 134) != 0) { errno = 0; die(path); }
    end = 144 + le32(m + 140);
    for (p = 144; p + 8 <= end && end <= o->size;) {
        unsigned el = le16(m + p + 2);
        size_t len, hdr = 8;
        char *dst = NULL;
        if (!memcmp(m + p + 4, "OB", 2) || !memcmp(m + p + 4, "OW", 2) || !memcmp(m + p + 4, "UN", 2) || !memcmp(m + p + 4, "SQ", 2) || !memcmp(m + p + 4, "UT", 2)) {
            len = le32(m + p + 8); hdr = 12;
        } else len = le16(m + p + 6);
        if (el == 2) dst = o->sop; else if (el == 3) dst = o->inst; else if (el == 0x10) dst = o->ts;
        if (dst && len < 65) { size_t k = len; memcpy(dst, m + p + hdr, k); dst[k] = 0; while (k && (dst[k - 1] == 0 || dst[k - 1] == ' ')) dst[--k] = 0; }
        p += hdr + len;
    }
    if (!o->sop[0] || !o->inst[0] || !o->ts[0] || end > o->size) { errno = 0; die(path); }
    o->data_off = end;
}

static size_t item(unsigned char *p, int type, const void *body, size_t n) {
    p[0] = type; p[1] = 0; put16(p + 2, n); memcpy(p + 4, body, n); return 4 + n;
}

static size_t even_uid(unsigned char *dst, const char *uid) { size_t n = strlen(uid); memcpy(dst, uid, n); if (n & 1) dst[n++] = 0; return n; }

/* an implicit VR little endian element */
static size_t elem(unsigned char *p, unsigned el, const void *v, size_t n) {
    p[0] = 0; p[1] = 0; p[2] = el; p[3] = el >> 8; p[4] = n; p[5] = n >> 8; p[6] = 0; p[7] = 0; memcpy(p + 8, v, n); return 8 + n;
}

/* the C-STORE-RQ command set (PS3.7 Table 9.3-1), in one P-DATA-TF PDU */
static size_t command_pdu(unsigned char *out, const struct obj *o, unsigned msgid) {
    unsigned char cmd[512], uid[66], v[4];
    size_t n = 12, k;
    k = even_uid(uid, o->sop); n += elem(cmd + n, 0x0002, uid, k);
    v[0] = 1; v[1] = 0; n += elem(cmd + n, 0x0100, v, 2);                 /* C-STORE-RQ */
    v[0] = msgid; v[1] = msgid >> 8; n += elem(cmd + n, 0x0110, v, 2);
    v[0] = 0; v[1] = 0; n += elem(cmd + n, 0x0700, v, 2);                  /* priority medium */
    v[0] = 0; v[1] = 0; n += elem(cmd + n, 0x0800, v, 2);                  /* a data set follows */
    k = even_uid(uid, o->inst); n += elem(cmd + n, 0x1000, uid, k);
    v[0] = n - 12; v[1] = (n - 12) >> 8; v[2] = 0; v[3] = 0; elem(cmd, 0x0000, v, 4);
    out[0] = 4; out[1] = 0; put32(out + 2, n + 6); put32(out + 6, n + 2); out[10] = o->ctx; out[11] = 3;
    memcpy(out + 12, cmd, n);
    return 12 + n;
}

static int sock;
static unsigned char rbuf[1 << 16];
static size_t rlen, rpos;

static void readn(unsigned char *dst, size_t n) {
    while (n) {
        if (rpos == rlen) {
            ssize_t r = read(sock, rbuf, sizeof rbuf);
            if (r <= 0) { errno = r ? errno : ECONNRESET; die("read"); }
            rlen = r; rpos = 0;
        }
        size_t k = rlen - rpos < n ? rlen - rpos : n;
        memcpy(dst, rbuf + rpos, k); rpos += k; dst += k; n -= k;
    }
}

/* one PDU: its type, its body in a buffer grown as needed */
static int read_pdu(unsigned char **body, size_t *cap, uint32_t *len) {
    unsigned char h[6];
    readn(h, 6);
    *len = get32(h + 2);
    if (*len > *cap) { *cap = *len; *body = realloc(*body, *cap); if (!*body) die("realloc"); }
    readn(*body, *len);
    return h[0];
}

static void writeall(struct iovec *iov, int n) {
    while (n > 0) {
        ssize_t w = writev(sock, iov, n > IOVS ? IOVS : n);
        if (w < 0) { if (errno == EINTR) continue; die("writev"); }
        while (n > 0 && (size_t)w >= iov->iov_len) { w -= iov->iov_len; iov++; n--; }
        if (n > 0 && w) { iov->iov_base = (char *)iov->iov_base + w; iov->iov_len -= w; }
    }
}

int main(int argc, char **argv) {
    const char *aet = "REPLAY", *aec = "ANY-SCP";
    int a = 1, one = 1, i, nobj, ok = 0, window = 1;
    while (a + 1 < argc && argv[a][0] == '-') {
        if (!strcmp(argv[a], "-aet")) aet = argv[a + 1]; else if (!strcmp(argv[a], "-aec")) aec = argv[a + 1];
        else if (!strcmp(argv[a], "-w")) window = atoi(argv[a + 1]); else break;
        a += 2;
    }
    if (argc - a < 3 || window < 1 || window > 65535) { fprintf(stderr, "usage: replaystore [-aet AE] [-aec AE] [-w WINDOW] HOST PORT FILE...\n"); return 2; }
    const char *host = argv[a], *port = argv[a + 1];
    nobj = argc - a - 2;
    struct obj *objs = calloc(nobj, sizeof *objs);
    unsigned long long bytes = 0;
    for (i = 0; i < nobj; i++) {
        const char *path = argv[a + 2 + i];
        struct stat st;
        int fd = open(path, O_RDONLY), c;
        if (fd < 0 || fstat(fd, &st)) die(path);
        objs[i].size = st.st_size;
        objs[i].map = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (objs[i].map == MAP_FAILED) die(path);
        close(fd);
        parse_meta(&objs[i], path);
        bytes += objs[i].size - objs[i].data_off;
        for (c = 0; c < nctx && (strcmp(ctx_sop[c], objs[i].sop) || strcmp(ctx_ts[c], objs[i].ts)); c++) {}
        if (c == nctx) {
            if (nctx == MAXCTX) { errno = 0; die("more than 128 (SOP class, transfer syntax) pairs"); }
            strcpy(ctx_sop[c], objs[i].sop); strcpy(ctx_ts[c], objs[i].ts); nctx++;
        }
        objs[i].ctx = 2 * c + 1;
    }

    /* A-ASSOCIATE-RQ (PS3.8 9.3.2) */
    static unsigned char rq[65536], tmp[256], sub[256];
    size_t n = 10, k, s;
    struct timespec t0, t1;
    rq[0] = 1; put16(rq + 6, 1); put16(rq + 8, 0);
    memset(rq + 10, ' ', 32); memcpy(rq + 10, aec, strlen(aec) < 16 ? strlen(aec) : 16); memcpy(rq + 26, aet, strlen(aet) < 16 ? strlen(aet) : 16);
    memset(rq + 42, 0, 32); n = 74;
    n += item(rq + n, 0x10, "1.2.840.10008.3.1.1.1", 21);
    for (i = 0; i < nctx; i++) {
        tmp[0] = 2 * i + 1; tmp[1] = tmp[2] = tmp[3] = 0; k = 4;
        k += item(tmp + k, 0x30, ctx_sop[i], strlen(ctx_sop[i]));
        k += item(tmp + k, 0x40, ctx_ts[i], strlen(ctx_ts[i]));
        n += item(rq + n, 0x20, tmp, k);
    }
    put32(tmp, 1 << 20); s = item(sub, 0x51, tmp, 4);
    s += item(sub + s, 0x52, "1.2.826.0.1.3680043.2.1143.107.104.103.115", 42);  /* any valid UID will do */
    if (window > 1) { put16(tmp, window); put16(tmp + 2, window); s += item(sub + s, 0x53, tmp, 4); }  /* PS3.7 D.3.3.3 */
    n += item(rq + n, 0x50, sub, s);
    put32(rq + 2, n - 6);

    struct addrinfo hints = {.ai_family = AF_INET, .ai_socktype = SOCK_STREAM}, *ai;
    if (getaddrinfo(host, port, &hints, &ai)) { errno = 0; die("getaddrinfo"); }
    sock = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (connect(sock, ai->ai_addr, ai->ai_addrlen)) die("connect");
    struct iovec v1 = {rq, n};
    writeall(&v1, 1);
    unsigned char *body = NULL;
    size_t cap = 0;
    uint32_t len, maxpdu = 0;
    unsigned granted = 1;   /* without the item in the A-ASSOCIATE-AC: one operation at a time */
    int type = read_pdu(&body, &cap, &len), accepted[MAXCTX] = {0};
    if (type != 2) { fprintf(stderr, "replaystore: association not accepted (PDU type %d)\n", type); return 1; }
    for (size_t p = 68; p + 4 <= len;) {   /* A-ASSOCIATE-AC items: presentation context results, user information */
        unsigned it = body[p], il = body[p + 2] << 8 | body[p + 3];
        if (it == 0x21 && body[p + 6] == 0) accepted[(body[p + 4] - 1) / 2] = 1;
        if (it == 0x50)
            for (size_t q = p + 4; q + 4 <= p + 4 + il;) {
                unsigned sl = body[q + 2] << 8 | body[q + 3];
                if (body[q] == 0x51) maxpdu = get32(body + q + 4);
                if (body[q] == 0x53) granted = body[q + 4] << 8 | body[q + 5];
                q += 4 + sl;
            }
        p += 4 + il;
    }
    for (i = 0; i < nctx; i++)
        if (!accepted[i]) { fprintf(stderr, "replaystore: context %d (%s, %s) not accepted\n", 2 * i + 1, ctx_sop[i], ctx_ts[i]); return 1; }
    size_t frag = (maxpdu == 0 || maxpdu > (1u << 20) ? (1u << 20) : maxpdu) - 6;
    frag &= ~(size_t)1;

    /* every request's PDUs, before the first is sent */
    for (i = 0; i < nobj; i++) {
        struct obj *o = &objs[i];
        size_t dlen = o->size - o->data_off, nfrag = dlen ? (dlen + frag - 1) / frag : 1, off;
        unsigned char *hdrs = malloc(600 + 12 * nfrag);
        o->iov = malloc(sizeof *o->iov * (1 + 2 * nfrag));
        o->iov[0].iov_base = hdrs; o->iov[0].iov_len = command_pdu(hdrs, o, (unsigned)(i % 65535) + 1);
        hdrs += 600; o->niov = 1;
        for (off = 0; off < dlen || o->niov == 1; off += frag) {
            size_t f = dlen - off < frag ? dlen - off : frag;
            hdrs[0] = 4; hdrs[1] = 0; put32(hdrs + 2, f + 6); put32(hdrs + 6, f + 2); hdrs[10] = o->ctx; hdrs[11] = off + f == dlen ? 2 : 0;
            o->iov[o->niov].iov_base = hdrs; o->iov[o->niov++].iov_len = 12;
            o->iov[o->niov].iov_base = (void *)(o->map + o->data_off + off); o->iov[o->niov++].iov_len = f;
            hdrs += 12;
            if (f == 0) break;
        }
    }

    if (granted == 0 || granted > (unsigned)window) granted = window;   /* 0: no limit from the acceptor */
    int sent = 0;
    for (i = 0; i < nobj; i++) {   /* i: the next response expected; up to `granted` requests outstanding */
        while (sent < nobj && sent - i < (int)granted) { writeall(objs[sent].iov, objs[sent].niov); sent++; }
        for (int done = 0; !done;) {   /* the C-STORE-RSP: its command set, Status (0000,0900) */
            type = read_pdu(&body, &cap, &len);
            if (type != 4) { fprintf(stderr, "replaystore: PDU type %d instead of a response to object %d\n", type, i); return 1; }
            for (size_t p = 0; p + 6 <= len;) {
                uint32_t pl = get32(body + p);
                unsigned flags = body[p + 5];
                if ((flags & 1) && (flags & 2))   /* the command's last fragment (responses fit one) */
                    for (size_t q = p + 6; q + 8 <= p + 4 + pl; q += 8 + le32(body + q + 4))
                        if (le16(body + q) == 0 && le16(body + q + 2) == 0x0900) {
                            ok += le16(body + q + 8) == 0;
                            if (le16(body + q + 8)) fprintf(stderr, "replaystore: status %04xH for object %d\n", le16(body + q + 8), i);
                            done = 1;
                        }
                p += 4 + pl;
            }
        }
    }
    unsigned char rel[10] = {5, 0, 0, 0, 0, 4, 0, 0, 0, 0};
    struct iovec v2 = {rel, 10};
    writeall(&v2, 1);
    type = read_pdu(&body, &cap, &len);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    close(sock);
    printf("%d objects, %d Success, %llu bytes, %.4f s, max PDU %u, window %u\n", nobj, ok, bytes,
           (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9, maxpdu, granted);
    return ok == nobj && type == 6 ? 0 : 1;
}
