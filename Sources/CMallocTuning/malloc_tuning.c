#include "malloc_tuning.h"

// (stdlib.h brings in the C library's features.h, which says whether it is glibc.)
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void dossier_fix_mmap_threshold(size_t bytes) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, (int)bytes);
#else
    (void)bytes;
#endif
}
