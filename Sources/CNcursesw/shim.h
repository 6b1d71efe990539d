#ifndef DOSSIER_CNCURSESW_SHIM_H
#define DOSSIER_CNCURSESW_SHIM_H

// The wide-character API (get_wch, add_wch, setcchar, mvaddnwstr) is only declared with this set.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncurses.h>

// Attribute macros do not import into Swift; these inline functions carry their values.
static inline attr_t dossier_attr_normal(void) { return A_NORMAL; }
static inline attr_t dossier_attr_bold(void) { return A_BOLD; }
static inline attr_t dossier_attr_dim(void) { return A_DIM; }
static inline attr_t dossier_attr_reverse(void) { return A_REVERSE; }
static inline attr_t dossier_attr_underline(void) { return A_UNDERLINE; }
static inline int dossier_key_f(int n) { return KEY_F(n); }
static inline int dossier_lines(void) { return LINES; }
static inline int dossier_cols(void) { return COLS; }
static inline int dossier_color_pair(int n) { return COLOR_PAIR(n); }

#endif
