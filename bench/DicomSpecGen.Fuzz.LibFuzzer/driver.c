// libFuzzer side of the coverage-guided fuzzer. libFuzzer (linked in with -fsanitize=fuzzer) owns the loop; each
// input is handed to a .NET child process (bench/DicomSpecGen.Fuzz.LibFuzzer, running SharpFuzz's
// Fuzzer.LibFuzzer.Run) and the edge counters that the sharpfuzz-instrumented DicomSpecGen.Runtime.dll wrote come
// back as libFuzzer "extra counters". Built by bench/scripts/fuzz-build.sh.
//
// What the child expects (SharpFuzz 2.3.0):
//   - a System V shared memory segment, its id in __LIBFUZZER_SHM_ID: 64 KiB of edge counters, then up to 1 MiB of
//     input bytes;
//   - a control pipe it reads and a status pipe it writes, their descriptor numbers in __LIBFUZZER_CONTROL_PIPE_ID and
//     __LIBFUZZER_STATUS_PIPE_ID;
//   - all messages are 32-bit integers in host order: the child writes 0 once it is ready; then per input we write the
//     input's length, it runs the input and writes a status, 0 for fine and non-zero when an exception escaped (after
//     which it exits). The child never clears the counters: we do, before each input.
//
// Flags (libFuzzer ignores flags that start with "--"):
//   --dsg_host=PATH    the host's .dll (run with `dotnet PATH TARGET`) or an executable (run as `PATH TARGET`)
//   --dsg_target=NAME  the fuzz target (pdu, command-set, data-set, associate)
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

enum { COUNTERS = 1 << 16, MAX_INPUT = 1 << 20 };
enum { CHILD_CONTROL_FD = 200, CHILD_STATUS_FD = 201 };

// libFuzzer treats every byte of this section as one more coverage counter.
__attribute__((used, section("__libfuzzer_extra_counters"))) static uint8_t dotnet_edges[COUNTERS];

// Which slots of the .NET map any input has hit so far: libFuzzer's "cov" counts only this file's own edges, so the
// .NET coverage is reported from here at exit.
static uint8_t ever_hit[COUNTERS];
static long slots_hit;

static uint8_t *shared;
static int shm_id = -1;
static int to_child = -1, from_child = -1;
static pid_t child = -1;

static void fail(const char *what)
{
    fprintf(stderr, "dsg-libfuzzer: %s%s%s\n", what, errno ? ": " : "", errno ? strerror(errno) : "");
    exit(1);
}

static void at_exit(void)
{
    if (shm_id >= 0) shmctl(shm_id, IPC_RMID, NULL);
    fprintf(stderr, "dsg-libfuzzer: .NET edge slots hit: %ld of %d\n", slots_hit, COUNTERS);
}

static const char *flag(int argc, char **argv, const char *name)
{
    size_t n = strlen(name);
    for (int i = 1; i < argc; i++)
        if (strncmp(argv[i], name, n) == 0 && argv[i][n] == '=') return argv[i] + n + 1;
    return NULL;
}

// Whole-buffer I/O on a pipe; 0 when the other side is gone.
static int transfer(int fd, void *buf, size_t len, int writing)
{
    uint8_t *p = buf;
    while (len > 0)
    {
        ssize_t done = writing ? write(fd, p, len) : read(fd, p, len);
        if (done < 0 && errno == EINTR) continue;
        if (done <= 0) return 0;
        p += done;
        len -= (size_t)done;
    }
    return 1;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *host = flag(*argc, *argv, "--dsg_host");
    const char *target = flag(*argc, *argv, "--dsg_target");
    if (!host || !target)
    {
        fprintf(stderr, "usage: %s --dsg_host=PATH --dsg_target=NAME [libFuzzer flags] [corpus dirs]\n", (*argv)[0]);
        exit(2);
    }

    shm_id = shmget(IPC_PRIVATE, COUNTERS + MAX_INPUT, IPC_CREAT | IPC_EXCL | 0600);
    if (shm_id < 0) fail("shmget");
    atexit(at_exit);
    shared = shmat(shm_id, NULL, 0);
    if (shared == (void *)-1) fail("shmat");

    int control[2], status[2];
    if (pipe(control) || pipe(status)) fail("pipe");
    pid_t parent = getpid();
    child = fork();
    if (child < 0) fail("fork");
    if (child == 0)
    {
        // The child must not outlive us (libFuzzer exits on timeouts and crashes).
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) _exit(1);
        if (dup2(control[0], CHILD_CONTROL_FD) < 0 || dup2(status[1], CHILD_STATUS_FD) < 0) fail("dup2");
        close(control[0]);
        close(control[1]);
        close(status[0]);
        close(status[1]);
        char number[16];
        snprintf(number, sizeof number, "%d", shm_id);
        setenv("__LIBFUZZER_SHM_ID", number, 1);
        snprintf(number, sizeof number, "%d", CHILD_CONTROL_FD);
        setenv("__LIBFUZZER_CONTROL_PIPE_ID", number, 1);
        snprintf(number, sizeof number, "%d", CHILD_STATUS_FD);
        setenv("__LIBFUZZER_STATUS_PIPE_ID", number, 1);
        size_t n = strlen(host);
        if (n > 4 && strcmp(host + n - 4, ".dll") == 0)
            execlp("dotnet", "dotnet", host, target, (char *)NULL);
        else
            execl(host, host, target, (char *)NULL);
        fail("exec of the .NET host");
    }
    close(control[0]);
    close(status[1]);
    to_child = control[1];
    from_child = status[0];

    int32_t ready;
    if (!transfer(from_child, &ready, sizeof ready, 0)) fail("the .NET host exited before it was ready (is the target name right?)");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > MAX_INPUT) return 0; // more than the shared input area holds; -max_len keeps inputs far below
    memset(shared, 0, COUNTERS);
    memcpy(shared + COUNTERS, data, size);
    int32_t length = (int32_t)size, status;
    if (!transfer(to_child, &length, sizeof length, 1) || !transfer(from_child, &status, sizeof status, 0))
    {
        errno = 0;
        int code = 0;
        if (waitpid(child, &code, WNOHANG) == child && WIFSIGNALED(code))
            fprintf(stderr, "dsg-libfuzzer: the .NET host died of signal %d\n", WTERMSIG(code));
        else
            fprintf(stderr, "dsg-libfuzzer: the .NET host went away\n");
        abort(); // a dead host is a crash of this input
    }
    memcpy(dotnet_edges, shared, COUNTERS);
    const uint64_t *words = (const uint64_t *)shared;
    for (size_t w = 0; w < COUNTERS / 8; w++)
    {
        if (!words[w]) continue;
        for (size_t i = w * 8; i < w * 8 + 8; i++)
            if (shared[i] && !ever_hit[i])
            {
                ever_hit[i] = 1;
                slots_hit++;
            }
    }
    if (status != 0)
    {
        fprintf(stderr, "dsg-libfuzzer: the target reported a crash (status %d); its exception is above\n", status);
        abort();
    }
    return 0;
}
