/* Raw loopback TCP, the bound for one sending process (issue 20: large objects "≥ 40 % of raw loopback TCP per
 * process"): no DICOM, just the files' bytes through one connection with 1 MiB buffers.
 *   rawtcp recv PORT             accept connections on 127.0.0.1:PORT one after the other, read each to its end
 *                                and discard the bytes (until killed)
 *   rawtcp send PORT FILE...     one connection; read each file (page cache) into a 1 MiB buffer and write it
 * TCP_NODELAY is set on both sides as the DICOM processes get it (TCP_NODELAY=1). bench/scripts/compare.sh builds
 * it with `cc -O2` (gcc is needed anyway: it links the Native AOT dsg). */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUF (1 << 20)

static int fail(const char *what) { perror(what); return 1; }

static void tune(int s) {
    int one = 1;  /* socket buffers left to the kernel's autotuning, as for the DICOM processes */
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

int main(int argc, char **argv) {
    static char buf[BUF];
    struct sockaddr_in a;
    if (argc < 3) { fprintf(stderr, "usage: rawtcp recv PORT | rawtcp send PORT FILE...\n"); return 2; }
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)atoi(argv[2]));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (strcmp(argv[1], "recv") == 0) {
        int one = 1, l = socket(AF_INET, SOCK_STREAM, 0);
        setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        tune(l);
        if (bind(l, (struct sockaddr *)&a, sizeof a) || listen(l, 4)) return fail("listen");
        for (;;) {
            int c = accept(l, NULL, NULL);
            if (c < 0) return fail("accept");
            while (read(c, buf, BUF) > 0) {}
            close(c);
        }
    }
    if (strcmp(argv[1], "send") == 0) {
        int s = socket(AF_INET, SOCK_STREAM, 0);
        tune(s);
        if (connect(s, (struct sockaddr *)&a, sizeof a)) return fail("connect");
        for (int i = 3; i < argc; i++) {
            int f = open(argv[i], O_RDONLY);
            ssize_t n;
            if (f < 0) return fail(argv[i]);
            while ((n = read(f, buf, BUF)) > 0)
                for (ssize_t off = 0; off < n;) {
                    ssize_t w = write(s, buf + off, (size_t)(n - off));
                    if (w <= 0) return fail("write");
                    off += w;
                }
            close(f);
        }
        shutdown(s, SHUT_WR);
        while (read(s, buf, BUF) > 0) {}  /* the receiver has read everything when it closes */
        close(s);
        return 0;
    }
    return 2;
}
