/* fuzz-target.h: the libFuzzer entry point that every fuzz target of libpar-core defines
 *
 * Each fuzz-*.c defines it once; libFuzzer (-Dfuzzing=true) or fuzz-replay.c calls it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
