/*
 * The child of Go's syscall TestPassFD, as a C program of its own (GoInheritanceTests): given an inherited Unix
 * socket, it creates PATH, writes CONTENT into it and sends that descriptor over the socket as SCM_RIGHTS, COUNT
 * times, then exits. Usage: passfd_child SOCKET PATH CONTENT COUNT. Exit status 0, or 1 with what failed on stderr.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int fail(const char *what)
{
    perror(what);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: passfd_child SOCKET PATH CONTENT COUNT\n");
        return 1;
    }

    int sock = atoi(argv[1]);
    int count = atoi(argv[4]);
    int fd = open(argv[2], O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail("open");
    size_t length = strlen(argv[3]);
    if (write(fd, argv[3], length) != (ssize_t)length)
        return fail("write");

    for (int i = 0; i < count; i++) {
        char data = 'x';
        struct iovec iov = { .iov_base = &data, .iov_len = 1 };
        union {
            char buffer[CMSG_SPACE(sizeof(int))];
            struct cmsghdr align;
        } control;
        memset(&control, 0, sizeof control);
        struct msghdr message = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buffer, .msg_controllen = sizeof control.buffer };
        struct cmsghdr *header = CMSG_FIRSTHDR(&message);
        header->cmsg_level = SOL_SOCKET;
        header->cmsg_type = SCM_RIGHTS;
        header->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(header), &fd, sizeof(int));
        if (sendmsg(sock, &message, 0) != 1)
            return fail("sendmsg");
    }

    return 0;
}
