/* test-util.h: helpers shared by the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char    *test_make_temp_dir  (void);
void     test_remove_dir     (const char *dir);
char    *test_file_checksum  (const char *path);
int      test_sqlite_int     (const char *path,
                              const char *sql);
void     test_sqlite_exec    (const char *path,
                              const char *sql);
char    *test_read_fixture   (const char *name);
void     test_set_language   (const char *language);
char    *test_qpdf           (const char *source,
                              const char *options,
                              const char *output);
char    *test_make_pdf       (const char *dir,
                              const char *name,
                              int         n_pages);
char    *test_make_large_pdf (const char *dir,
                              const char *name,
                              gsize       min_bytes);
char    *test_make_slow_pdf  (const char *dir,
                              const char *name,
                              guint       n_glyphs);
char    *test_make_slow_to_draw_pdf (const char *dir,
                                     const char *name,
                                     guint       n_pages,
                                     guint       n_shapes);

typedef struct _TestFileHolder TestFileHolder;

TestFileHolder *test_hold_file    (const char     *path,
                                   const char     *sql,
                                   guint           hold_ms);
void            test_release_file (TestFileHolder *holder);

G_END_DECLS
