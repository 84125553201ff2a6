#ifndef CURAVANI_CSYSTEM_H
#define CURAVANI_CSYSTEM_H
/* What Glibc's Swift overlay lacks or makes awkward: epoll, accept4, eventfd and an
 * async-signal-safe signal forwarder. Every function is a thin wrapper; errors come back as
 * -1 with errno set, exactly like the syscalls. */
#include <stdint.h>
#include <sys/types.h>

typedef struct {
    uint32_t events;
    uint64_t data;
} csys_epoll_event;

enum {
    CSYS_EPOLLIN = 0x001,
    CSYS_EPOLLOUT = 0x004,
    CSYS_EPOLLERR = 0x008,
    CSYS_EPOLLHUP = 0x010,
    CSYS_EPOLLRDHUP = 0x2000,
    CSYS_EPOLLET = (int)(1u << 31),
};

int csys_epoll_create(void);
int csys_epoll_add(int epfd, int fd, uint32_t events, uint64_t data);
int csys_epoll_mod(int epfd, int fd, uint32_t events, uint64_t data);
int csys_epoll_del(int epfd, int fd);
/* Fills up to `max` events; returns the count, 0 on timeout, -1 on error (EINTR included). */
int csys_epoll_wait(int epfd, csys_epoll_event *events, int max, int timeout_ms);

/* accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC; stores the peer's IPv4/IPv6 address as text. */
int csys_accept(int listen_fd, char *peer, size_t peer_len);
/* A non-blocking, close-on-exec listening TCP socket with SO_REUSEADDR; port 0 = ephemeral. */
int csys_listen_tcp(const char *host, int port, int backlog, int reuse_port);
/* The port a bound socket listens on, or -1. */
int csys_local_port(int fd);
/* Blocking TCP connect with a timeout in milliseconds; returns a blocking fd or -1. */
int csys_connect_tcp(const char *host, int port, int timeout_ms);
int csys_set_nodelay(int fd);
int csys_set_nonblocking(int fd, int on);
/* Waits for readability (POLLIN) or writability; 1 ready, 0 timeout, -1 error. */
int csys_poll_one(int fd, int for_write, int timeout_ms);

int csys_eventfd(void);
int csys_eventfd_signal(int fd);
int csys_eventfd_drain(int fd);

/* send(2) with MSG_NOSIGNAL: a vanished peer gives EPIPE, never SIGPIPE. */
ssize_t csys_send(int fd, const void *buf, size_t len);

/* Installs handlers for the given signals that write the signal number (one byte) to a pipe;
 * returns the pipe's read end (blocking), or -1. SIGPIPE is set to SIG_IGN as well. */
int csys_signal_pipe(const int *signals, int count);
void csys_ignore_sigpipe(void);

/* Names the calling thread (Linux keeps 15 characters); shows in top -H and /proc. */
int csys_set_thread_name(const char *name);

/* CPU time (user+system) of the whole process in microseconds. */
int64_t csys_process_cpu_micros(void);
#endif
