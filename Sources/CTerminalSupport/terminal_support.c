// Signal handling for the TUI, in C because a handler may only do async-signal-safe things.
#include "terminal_support.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_settings;
static int saved_fd = -1;
static volatile sig_atomic_t pending_signal = 0;

void dossier_terminal_save(int fd) {
    if (tcgetattr(fd, &saved_settings) == 0) saved_fd = fd;
}

void dossier_terminal_emergency_restore(void) {
    // Leave the alternate screen, show the cursor, reset attributes: all plain writes.
    static const char reset[] = "\033[?1049l\033[?25h\033[0m\r\n";
    if (saved_fd >= 0) tcsetattr(saved_fd, TCSANOW, &saved_settings);
    ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)ignored;
}

static void on_stop_signal(int signal_number) {
    pending_signal = signal_number;
}

static void on_crash_signal(int signal_number) {
    dossier_terminal_emergency_restore();
    // The handler was installed with SA_RESETHAND: raising again runs the default action (core dump).
    raise(signal_number);
}

void dossier_terminal_install_handlers(void) {
    // A parent may have started us with signals blocked (threads of many runtimes block them all);
    // without SIGWINCH there is no resize, without SIGTERM no clean exit.
    sigset_t wanted;
    sigemptyset(&wanted);
    const int needed[] = {SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT};
    for (unsigned i = 0; i < sizeof needed / sizeof needed[0]; i++) sigaddset(&wanted, needed[i]);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);

    struct sigaction stop;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = on_stop_signal;
    sigemptyset(&stop.sa_mask);
    const int stops[] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT};
    for (unsigned i = 0; i < sizeof stops / sizeof stops[0]; i++) sigaction(stops[i], &stop, NULL);

    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_handler = on_crash_signal;
    crash.sa_flags = SA_RESETHAND;
    sigemptyset(&crash.sa_mask);
    const int crashes[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) sigaction(crashes[i], &crash, NULL);
}

int dossier_terminal_take_signal(void) {
    int signal_number = pending_signal;
    pending_signal = 0;
    return signal_number;
}
