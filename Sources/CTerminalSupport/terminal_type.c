// Whether curses can draw on a terminal, asked of terminfo before curses takes the terminal over.
#include "terminal_support.h"

#include <curses.h>
#include <term.h>

int dossier_terminal_drawable(int fd) {
    int error = 0;
    // setupterm says 1 for a printing terminal (hc), 0 for an unknown (or generic) one, -1 without terminfo.
    if (setupterm(NULL, fd, &error) != OK) return error == 1 ? 0 : -1;
    // A screen needs the cursor placed anywhere; TERM=dumb cannot.
    const char *placing = tigetstr("cup");
    int drawable = placing != NULL && placing != (char *)-1 && tigetflag("hc") != 1;
    del_curterm(cur_term);
    return drawable ? 1 : 0;
}
