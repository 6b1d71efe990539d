#include "malloc_tuning.h"

// (stdlib.h brings in the C library's features.h, which says whether it is glibc.)
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void dossier_fix_mmap_threshold(size_t bytes) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, (int)bytes);
    // Setting one threshold stops glibc from adjusting the other: the heap's free top is kept up to twice the
    // mapping threshold, as glibc's own adjustment keeps it, instead of its starting 128 KB, which handed back and
    // faulted in again every block of a few hundred KB a loop frees and allocates.
    mallopt(M_TRIM_THRESHOLD, (int)(2 * bytes));
#else
    (void)bytes;
#endif
}
