/*
 * The machine's floor under any server's broadcast: a C program that writes one frame of
 * `size` bytes to each of `count` loopback TCP connections, `rounds` times, and times the
 * write loop and the last byte's arrival. No WebSocket, no event loop, no runtime: one write(2)
 * per connection, as the hub does per screen. The receiver is a forked process on its own core
 * reading with epoll, as the benchmarks' load generator does. Node has no way to measure this
 * (its own write path is what would be measured), hence C; bench/lib/send-floor.ts compiles it
 * where a C compiler exists.
 *
 * usage: send-floor COUNT ROUNDS SIZE SERVER_CORE LOAD_CORE
 * prints one JSON line: {"rounds":[[loopMs,allMs,bytes],...]}, one per round after 3 warm-up: the
 * write loop's time, the time until the receiver had every byte (both from the loop's start),
 * and the bytes it read that round
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define WARM_UP 3

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void fail(const char *what) {
  fprintf(stderr, "send-floor: %s: %s\n", what, strerror(errno));
  exit(1);
}

static void pin(int core) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(core, &set);
  sched_setaffinity(0, sizeof set, &set); /* best effort, like taskset in children.ts */
}

/* Reads until every connection has had `size` bytes per round; reports each round's end on `done`. */
static void receive(struct sockaddr_in *addr, int count, int rounds, int size, int ready, int done) {
  int ep = epoll_create1(0);
  if (ep < 0) fail("epoll_create1");
  for (int i = 0; i < count; i++) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (fd < 0) fail("socket (receiver)");
    if (connect(fd, (struct sockaddr *)addr, sizeof *addr) < 0 && errno != EINPROGRESS) fail("connect");
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = fd};
    if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) fail("epoll_ctl");
  }
  char c = 'r';
  if (write(ready, &c, 1) != 1) fail("write (ready)");
  static char buf[65536];
  struct epoll_event events[1024];
  for (int r = 0; r < rounds + WARM_UP; r++) {
    long got = 0, want = (long)count * size;
    while (got < want) {
      int n = epoll_wait(ep, events, 1024, -1);
      if (n < 0 && errno != EINTR) fail("epoll_wait");
      for (int j = 0; j < n; j++) {
        ssize_t m = read(events[j].data.fd, buf, sizeof buf);
        if (m > 0) got += m;
      }
    }
    double report[2] = {now_ms(), (double)got};
    if (write(done, report, sizeof report) != sizeof report) fail("write (done)");
  }
  exit(0);
}

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: send-floor COUNT ROUNDS SIZE SERVER_CORE LOAD_CORE\n");
    return 2;
  }
  int count = atoi(argv[1]), rounds = atoi(argv[2]), size = atoi(argv[3]);
  int serverCore = atoi(argv[4]), loadCore = atoi(argv[5]);
  if (count <= 0 || rounds <= 0 || size <= 0) {
    fprintf(stderr, "send-floor: COUNT, ROUNDS and SIZE must be positive integers\n");
    return 2;
  }
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  if (listener < 0) fail("socket (listener)");
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK), .sin_port = 0};
  socklen_t len = sizeof addr;
  if (bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0) fail("bind");
  if (listen(listener, 4096) < 0) fail("listen");
  if (getsockname(listener, (struct sockaddr *)&addr, &len) < 0) fail("getsockname");
  int ready[2], done[2];
  if (pipe(ready) < 0 || pipe(done) < 0) fail("pipe");
  pid_t child = fork();
  if (child < 0) fail("fork");
  if (child == 0) {
    pin(loadCore);
    receive(&addr, count, rounds, size, ready[1], done[1]);
  }
  pin(serverCore);
  int *fds = malloc(sizeof(int) * count);
  int one = 1;
  for (int i = 0; i < count; i++) {
    fds[i] = accept(listener, NULL, NULL);
    if (fds[i] < 0) fail("accept");
    setsockopt(fds[i], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one); /* as Node's HTTP server */
  }
  char c;
  if (read(ready[0], &c, 1) != 1) fail("read (ready)");
  char *frame = malloc(size);
  memset(frame, 'x', size);
  printf("{\"rounds\":[");
  for (int r = 0; r < rounds + WARM_UP; r++) {
    usleep(100000); /* the benchmarks' pause between rounds */
    double start = now_ms();
    for (int i = 0; i < count; i++) {
      if (write(fds[i], frame, size) != size) fail("write (frame)");
    }
    double looped = now_ms();
    double report[2]; /* when the receiver had every byte, how many it read */
    if (read(done[0], report, sizeof report) != sizeof report) fail("read (done)");
    if (r >= WARM_UP) {
      printf("%s[%.3f,%.3f,%.0f]", r > WARM_UP ? "," : "", looped - start, report[0] - start, report[1]);
    }
  }
  printf("]}\n");
  int status;
  waitpid(child, &status, 0);
  return 0;
}
