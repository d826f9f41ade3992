/* test-fixture.h: a new PAR Desk file in a folder of its own, for the tests of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-core.h"

G_BEGIN_DECLS

/* What a test of the core starts from: the fixture of g_test_add(), as
 * the program's own Fixture. */
typedef struct
{
  char        *dir;        /* temporary; removed, with all it holds, after the test */
  char        *path;       /* dir/test.pardesk */
  ParDatabase *db;         /* open on path; NULL after test_fixture_set_up_no_file() */
  guint        n_changes;  /* the change notices db has sent */
} TestFixture;

void            test_fixture_set_up          (TestFixture    *f,
                                              gconstpointer   data);
void            test_fixture_set_up_no_file  (TestFixture    *f,
                                              gconstpointer   data);
void            test_fixture_tear_down       (TestFixture    *f,
                                              gconstpointer   data);

char           *test_fixture_write_file      (TestFixture    *f,
                                              const char     *name,
                                              const char     *contents,
                                              gssize          length);
ParCriteriaSet *test_fixture_import_set      (TestFixture    *f,
                                              const char     *json);
gint64          test_fixture_add_unit        (TestFixture    *f,
                                              const char     *code,
                                              const char     *name,
                                              gint64          parent_id);
ParAssessment  *test_fixture_load_assessment (TestFixture    *f,
                                              ParCriteriaSet *set,
                                              gint64          unit_id);
void            test_fixture_make_old_file   (const char     *path,
                                              guint           version);

G_END_DECLS
