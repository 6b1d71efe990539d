#ifndef DOSSIER_TERMINAL_SUPPORT_H
#define DOSSIER_TERMINAL_SUPPORT_H

/// Remembers the terminal's settings before curses changes them, for restoring after a crash.
void dossier_terminal_save(int fd);

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT set a flag (read with dossier_terminal_take_signal), so the main
/// loop can end curses properly, and start a deadline: if the process still runs 0,7 s later (the loop
/// busy with a frame or a write), the terminal is restored and the process exits with 128 + signal.
/// SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT and SIGTRAP (a crash) restore the terminal at once and then
/// let the signal do what it does by default. SIGTSTP sets a flag (dossier_terminal_take_suspend_request).
void dossier_terminal_install_handlers(void);

/// The signal that arrived since the last call, or 0.
int dossier_terminal_take_signal(void);

/// 1 once after a SIGTSTP from outside (kill -TSTP; Ctrl-Z itself arrives as a key), else 0: the main loop then
/// stops the job as Ctrl-Z does. Installed by dossier_terminal_install_handlers.
int dossier_terminal_take_suspend_request(void);

/// SIGTSTP back to its default, once the screen is closed: Ctrl-Z during the closing work (compacting a large
/// dossier) stops the program as in any other command, instead of setting a flag no loop reads.
void dossier_terminal_release_stop(void);

/// 1 once after the process was continued (SIGCONT, after a SIGSTOP from outside), else 0: the terminal may have been
/// used by the shell meanwhile, so modes written outside curses (bracketed paste) are written again.
int dossier_terminal_take_continued(void);

/// Whether stopping the process hands the terminal to a shell that can continue it (`fg`): the process is in a
/// process group of its own within a session led by another process (a job of a shell with job control). Not so
/// when the terminal window runs the program itself, or a shell without job control does.
int dossier_terminal_can_suspend(void);

/// Stops the process's job, its process group (as Ctrl-Z in a shell would), until it is continued.
void dossier_terminal_suspend_self(void);

/// Restores the saved settings and leaves the alternate screen; async-signal-safe.
void dossier_terminal_emergency_restore(void);

/// Whether curses can draw a screen on `fd` with the terminal type in TERM: 1 yes; 0 the type is known but
/// cannot place the cursor (TERM=dumb, a printing terminal); -1 the type is unknown or TERM is not set.
int dossier_terminal_drawable(int fd);

/// The number of columns of the terminal `fd` is, or 0 when it is no terminal (a pipe, a file).
int dossier_terminal_columns(int fd);

/// Runs a program in the foreground and waits for it: SIGINT and SIGQUIT are ignored here meanwhile (the
/// program gets them, as with system(3)), SIGTSTP stops this process as it stops the program (Ctrl-Z in an
/// editor hands the terminal to the shell, fg brings both back), and the program starts with default signal handling and an
/// empty mask. Returns its exit status, 128 + the signal that ended it, or -1 when it could not start.
int dossier_run_foreground(char *const argv[]);

/// A temporary file taken away should a stop signal's deadline end the process (NULL: none).
void dossier_terminal_set_temporary_file(const char *path);

#endif
