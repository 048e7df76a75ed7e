/*
 * Evidence for .ci/run-arm64: the creating system calls the tests make, each made raw (no wrapper, no C library
 * function) with all-zero arguments. Built for the host and for aarch64 and run on both: natively the kernel
 * answers each (a descriptor, or an error such as EFAULT or EINVAL for the zero arguments); under an emulator that
 * does not implement the call the answer is ENOSYS, and qemu's own log (QEMU_STRACE=1) says "Unknown syscall N".
 * Prints one line per call: NAME NUMBER RESULT, RESULT being "fd" or the errno's name.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static const struct {
    const char *name;
    long number;
} calls[] = {
    { "openat2", SYS_openat2 },
    { "open_tree", SYS_open_tree },
    { "fsopen", SYS_fsopen },
    { "fspick", SYS_fspick },
    { "fsmount", SYS_fsmount },
    { "fanotify_init", SYS_fanotify_init },
    { "perf_event_open", SYS_perf_event_open },
    { "userfaultfd", SYS_userfaultfd },
    { "memfd_secret", SYS_memfd_secret },
    { "io_uring_setup", SYS_io_uring_setup },
    { "landlock_create_ruleset", SYS_landlock_create_ruleset },
    { "bpf", SYS_bpf },
};

int main(void)
{
    for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
        long result = syscall(calls[i].number, 0L, 0L, 0L, 0L, 0L, 0L);
        int error = errno;
        if (result >= 0)
            printf("%s %ld fd\n", calls[i].name, calls[i].number);
        else
            printf("%s %ld %s\n", calls[i].name, calls[i].number, strerrorname_np(error) ? strerrorname_np(error) : "?");
    }
    return 0;
}
