// Signal handling for the TUI, in C because a handler may only do async-signal-safe things.
#include "terminal_support.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static struct termios saved_settings;
static int saved_fd = -1;
static volatile sig_atomic_t pending_signal = 0;
/// The first stop signal, for the exit status if the deadline ends the process.
static volatile sig_atomic_t first_stop_signal = 0;
static volatile sig_atomic_t was_continued = 0;
static volatile sig_atomic_t suspend_requested = 0;
static timer_t deadline_timer;
static int has_deadline_timer = 0;
/// How long the main loop gets to end cleanly after a stop signal before the process ends anyway.
static const long deadline_milliseconds = 700;
/// The program run in the foreground (an editor), while it runs: a stop signal is passed on to it, as a shell does to its job.
static volatile pid_t foreground_child = 0;
/// A temporary file (the text handed to the editor, maybe personal data) to take away should the deadline end the process.
static char temporary_file[4096];

void dossier_terminal_set_temporary_file(const char *path) {
    temporary_file[0] = 0;
    if (path != NULL && strlen(path) < sizeof temporary_file) strcpy(temporary_file, path);
}

void dossier_terminal_save(int fd) {
    if (tcgetattr(fd, &saved_settings) == 0) saved_fd = fd;
}

void dossier_terminal_emergency_restore(void) {
    // Bracketed paste off, leave the alternate screen, show the cursor, reset attributes: all plain writes.
    static const char reset[] = "\033[?2004l\033[?1049l\033[?25h\033[0m\r\n";
    if (saved_fd >= 0) {
        // Keys typed for the TUI that it did not read would otherwise run as commands in the shell.
        tcflush(saved_fd, TCIFLUSH);
        tcsetattr(saved_fd, TCSANOW, &saved_settings);
    }
    ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)ignored;
}

static void on_stop_signal(int signal_number) {
    pending_signal = signal_number;
    // An editor left running would keep reading the terminal after this process ended; it gets the signal too, ends (vim
    // keeps its swap file), and the program then ends cleanly after it.
    if (foreground_child > 0) kill(foreground_child, signal_number);
    if (first_stop_signal == 0) {
        first_stop_signal = signal_number;
        // Whatever the loop is doing (a long frame, waiting for a write), the process ends within the
        // deadline: timer_settime is async-signal-safe. Every confirmed change is already in the journal.
        if (has_deadline_timer) {
            struct itimerspec deadline;
            memset(&deadline, 0, sizeof deadline);
            deadline.it_value.tv_sec = deadline_milliseconds / 1000;
            deadline.it_value.tv_nsec = (deadline_milliseconds % 1000) * 1000000L;
            timer_settime(deadline_timer, 0, &deadline, NULL);
        }
    }
}

static void on_deadline(int signal_number) {
    (void)signal_number;
    if (temporary_file[0] != 0) unlink(temporary_file);
    dossier_terminal_emergency_restore();
    // The kernel releases the lock (flock) with the process; 128 + signal, as a shell expects.
    _exit(128 + first_stop_signal);
}

static void on_continue(int signal_number) {
    (void)signal_number;
    was_continued = 1;
}

static void on_terminal_stop(int signal_number) {
    (void)signal_number;
    suspend_requested = 1;
}

static void on_crash_signal(int signal_number) {
    dossier_terminal_emergency_restore();
    // The handler was installed with SA_RESETHAND: raising again runs the default action (core dump).
    raise(signal_number);
}

/// Sets what `signal_number` does: `action` (a handler, SIG_DFL or SIG_IGN) with `flags` and no signals blocked while it
/// runs; what it did before goes to `previous` when that is not NULL.
static void set_action(int signal_number, void (*action)(int), int flags, struct sigaction *previous) {
    struct sigaction wanted;
    memset(&wanted, 0, sizeof wanted);
    wanted.sa_handler = action;
    wanted.sa_flags = flags;
    sigemptyset(&wanted.sa_mask);
    sigaction(signal_number, &wanted, previous);
}

void dossier_terminal_install_handlers(void) {
    // A parent may have started us with signals blocked (threads of many runtimes block them all);
    // without SIGWINCH there is no resize, without SIGTERM no clean exit.
    sigset_t wanted;
    sigemptyset(&wanted);
    const int needed[] = {SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT, SIGALRM};
    for (unsigned i = 0; i < sizeof needed / sizeof needed[0]; i++) sigaddset(&wanted, needed[i]);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);

    const int stops[] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT};
    for (unsigned i = 0; i < sizeof stops / sizeof stops[0]; i++) set_action(stops[i], on_stop_signal, 0, NULL);

    set_action(SIGALRM, on_deadline, 0, NULL);
    struct sigevent event;
    memset(&event, 0, sizeof event);
    event.sigev_notify = SIGEV_SIGNAL;
    event.sigev_signo = SIGALRM;
    has_deadline_timer = timer_create(CLOCK_MONOTONIC, &event, &deadline_timer) == 0;

    set_action(SIGCONT, on_continue, SA_RESTART, NULL);

    // A stop from outside (kill -TSTP) is carried out by the main loop, as Ctrl-Z is: curses' own handler would leave
    // curses from inside the handler, on whichever thread the signal lands, while the main loop may be drawing.
    set_action(SIGTSTP, on_terminal_stop, SA_RESTART, NULL);

    const int crashes[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) set_action(crashes[i], on_crash_signal, SA_RESETHAND, NULL);
}

/// Reads a flag and clears it in one step: a signal that lands between a read and a clear would be lost.
static int take(volatile sig_atomic_t *flag) {
    return __atomic_exchange_n(flag, 0, __ATOMIC_SEQ_CST);
}

int dossier_terminal_take_signal(void) {
    return take(&pending_signal);
}

int dossier_terminal_take_suspend_request(void) {
    return take(&suspend_requested);
}

int dossier_terminal_take_continued(void) {
    return take(&was_continued);
}

void dossier_terminal_release_stop(void) {
    set_action(SIGTSTP, SIG_DFL, 0, NULL);
}

int dossier_terminal_can_suspend(void) {
    pid_t group = getpgrp();
    return getsid(0) != group && tcgetpgrp(STDIN_FILENO) == group;
}

void dossier_terminal_suspend_self(void) {
    // The whole job stops, as Ctrl-Z in a shell stops it: a script that started the program waits for it, and only once
    // that script stops too does the shell take the terminal back. SIGTSTP with its default action (curses may have a
    // handler of its own), put back once the job is continued.
    struct sigaction previous;
    set_action(SIGTSTP, SIG_DFL, 0, &previous);
    // A stop noted meanwhile is this one: left set, it would stop the program again right after fg.
    take(&suspend_requested);
    kill(0, SIGTSTP);
    sigaction(SIGTSTP, &previous, NULL);
}

int dossier_terminal_columns(int fd) {
    struct winsize size;
    if (!isatty(fd) || ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

extern char **environ;

int dossier_run_foreground(char *const argv[]) {
    struct sigaction old_int, old_quit, old_stop;
    set_action(SIGINT, SIG_IGN, 0, &old_int);
    set_action(SIGQUIT, SIG_IGN, 0, &old_quit);
    // Ctrl-Z in the program stops the whole job, this process with it (by default), so that the shell gets the terminal
    // back; a stop merely noted for the main loop would leave the program stopped and the shell waiting.
    set_action(SIGTSTP, SIG_DFL, 0, &old_stop);

    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t defaults, empty;
    sigemptyset(&defaults);
    int reset[] = {SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGWINCH, SIGPIPE, SIGTSTP, SIGCHLD};
    for (unsigned i = 0; i < sizeof reset / sizeof reset[0]; i++) sigaddset(&defaults, reset[i]);
    sigemptyset(&empty);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setsigmask(&attributes, &empty);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

    pid_t child;
    int result = -1;
    if (posix_spawnp(&child, argv[0], NULL, &attributes, argv, environ) == 0) {
        foreground_child = child;
        // A stop signal that came while it was starting.
        if (pending_signal != 0) kill(child, pending_signal);
        int status = 0;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
        foreground_child = 0;
        if (WIFEXITED(status)) result = WEXITSTATUS(status);
        else if (WIFSIGNALED(status)) result = 128 + WTERMSIG(status);
    }
    posix_spawnattr_destroy(&attributes);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGQUIT, &old_quit, NULL);
    sigaction(SIGTSTP, &old_stop, NULL);
    return result;
}
