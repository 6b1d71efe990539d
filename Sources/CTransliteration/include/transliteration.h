#ifndef TRANSLITERATION_H
#define TRANSLITERATION_H

#include <stdint.h>

/// Transliterates the UTF-16 `text` of `length` units to Latin in place ("泰州" → "tài zhōu"), with ICU's "Any-Latin":
/// what Foundation's `applyingTransform(.toLatin, reverse: false)` does. Returns the new length; -2 when the result
/// did not fit in `capacity` units (the text is then undefined: call again on the original with more room); -1 when
/// there is no transliterator (only Linux has one here, the ICU of the Swift toolchain; on macOS the Swift side
/// asks Foundation) or ICU refused. Safe from several threads: they share one transliterator, in turn.
int32_t dossier_transliterate_to_latin(uint16_t *text, int32_t length, int32_t capacity);

#endif
