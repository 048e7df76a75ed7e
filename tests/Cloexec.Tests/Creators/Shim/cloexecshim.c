/*
 * Test shim: exports, under their kernel names, the Linux creators that glibc 2.36 does not export, so that the
 * generated wrappers of tests/Cloexec.Tests/Creators/SyscallCreatorTests.cs reach the real system calls.
 * Each function forwards its arguments unchanged to syscall(2) and returns its result: -1 with errno as the kernel
 * set it on failure. Built by SyscallShim.cs with gcc at test time; not part of the product.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#define SHIM_EXPORT __attribute__((visibility("default")))

/* A syscall these headers do not name: the call fails as an old kernel would. */
static inline long shim_missing(void)
{
    errno = ENOSYS;
    return -1;
}

SHIM_EXPORT int perf_event_open(void *attr, pid_t pid, int cpu, int group_fd, unsigned long flags)
{
#ifdef SYS_perf_event_open
    return (int)syscall(SYS_perf_event_open, attr, pid, cpu, group_fd, flags);
#else
    (void)attr; (void)pid; (void)cpu; (void)group_fd; (void)flags;
    return (int)shim_missing();
#endif
}

SHIM_EXPORT int userfaultfd(int flags)
{
#ifdef SYS_userfaultfd
    return (int)syscall(SYS_userfaultfd, flags);
#else
    (void)flags;
    return (int)shim_missing();
#endif
}

SHIM_EXPORT int memfd_secret(unsigned int flags)
{
#ifdef SYS_memfd_secret
    return (int)syscall(SYS_memfd_secret, flags);
#else
    (void)flags;
    return (int)shim_missing();
#endif
}

SHIM_EXPORT int io_uring_setup(unsigned int entries, void *params)
{
#ifdef SYS_io_uring_setup
    return (int)syscall(SYS_io_uring_setup, entries, params);
#else
    (void)entries; (void)params;
    return (int)shim_missing();
#endif
}

SHIM_EXPORT int landlock_create_ruleset(const void *attr, size_t size, unsigned int flags)
{
#ifdef SYS_landlock_create_ruleset
    return (int)syscall(SYS_landlock_create_ruleset, attr, size, flags);
#else
    (void)attr; (void)size; (void)flags;
    return (int)shim_missing();
#endif
}

SHIM_EXPORT int bpf(int cmd, void *attr, unsigned int size)
{
#ifdef SYS_bpf
    return (int)syscall(SYS_bpf, cmd, attr, size);
#else
    (void)cmd; (void)attr; (void)size;
    return (int)shim_missing();
#endif
}

SHIM_EXPORT int openat2(int dirfd, const char *path, void *how, size_t size)
{
#ifdef SYS_openat2
    return (int)syscall(SYS_openat2, dirfd, path, how, size);
#else
    (void)dirfd; (void)path; (void)how; (void)size;
    return (int)shim_missing();
#endif
}
