#ifndef MALLOC_TUNING_H
#define MALLOC_TUNING_H

#include <stddef.h>

/// Blocks of at least `bytes` get their own mapping, which goes back to the system when freed, and the
/// threshold stays there: glibc otherwise raises it to the size of every such block freed (up to 32 MB), after
/// which the next large arrays come from the heap and their pages stay with the process once freed. The heap's
/// free top is kept up to twice that (glibc's own relation between the two). Does nothing where the C library
/// has no `mallopt` (macOS).
void dossier_fix_mmap_threshold(size_t bytes);

#endif
