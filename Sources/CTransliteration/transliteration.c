#include "transliteration.h"

#if defined(__linux__)
#include <pthread.h>

// ICU's C API as the Swift toolchain's lib_FoundationICU exports it (its symbols carry a `swift_` prefix, so they
// never meet a system ICU). Declared here rather than through its headers: only these three are needed, and the
// toolchain's module for those headers leaves transliteration out.
typedef struct UTransliterator UTransliterator;
enum { forward_direction = 0, buffer_overflow_error = 15 };
UTransliterator *swift_utrans_openU(const uint16_t *id, int32_t idLength, int32_t direction, const uint16_t *rules,
                                    int32_t rulesLength, void *parseError, int32_t *status);
void swift_utrans_transUChars(const UTransliterator *trans, uint16_t *text, int32_t *textLength, int32_t textCapacity,
                              int32_t start, int32_t *limit, int32_t *status);

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
// Opened on first use and kept: setting it up costs tens of milliseconds.
static UTransliterator *to_latin;

int32_t dossier_transliterate_to_latin(uint16_t *text, int32_t length, int32_t capacity) {
    pthread_mutex_lock(&lock);
    int32_t status = 0;
    if (to_latin == NULL) {
        static const uint16_t id[] = {'A', 'n', 'y', '-', 'L', 'a', 't', 'i', 'n'};
        to_latin = swift_utrans_openU(id, sizeof id / sizeof id[0], forward_direction, NULL, 0, NULL, &status);
    }
    int32_t result = -1;
    if (to_latin != NULL && status <= 0) {
        int32_t text_length = length, limit = length;
        swift_utrans_transUChars(to_latin, text, &text_length, capacity, 0, &limit, &status);
        if (status <= 0) {
            result = text_length;
        } else if (status == buffer_overflow_error) {
            result = -2;
        }
    }
    pthread_mutex_unlock(&lock);
    return result;
}
#else
int32_t dossier_transliterate_to_latin(uint16_t *text, int32_t length, int32_t capacity) {
    (void)text; (void)length; (void)capacity;
    return -1;
}
#endif
