/*
 * Evidence for .ci/run-arm64: openat2(2) made raw, with no wrapper, the way the kernel documents it. Built for the
 * host and for aarch64 and run on both: natively the kernel returns a descriptor; under qemu-user 7.2 the call
 * never reaches the kernel (qemu answers ENOSYS for a syscall number it does not emulate). Prints one line and
 * exits 0 when it got a descriptor, 2 with ENOSYS, 1 otherwise.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/openat2.h>

int main(void)
{
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = O_RDONLY | O_CLOEXEC;
    long fd = syscall(SYS_openat2, AT_FDCWD, "/dev/null", &how, sizeof how);
    if (fd >= 0) {
        printf("openat2 (syscall %d): descriptor %ld\n", SYS_openat2, fd);
        close((int)fd);
        return 0;
    }
    int error = errno;
    printf("openat2 (syscall %d): -1, errno %d (%s)\n", SYS_openat2, error, strerror(error));
    return error == ENOSYS ? 2 : 1;
}
