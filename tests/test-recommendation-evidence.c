/* test-recommendation-evidence.c: documents as evidence of an inspection's recommendations
 *
 * What a unit sends to show it carried out a recommendation is linked to
 * that recommendation, not to its inspection: linking, listing, unlinking,
 * the link chooser's list, the removal of links with the recommendation or
 * its inspection, and a version 6 file brought up to date with its links.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-core.h"
#include "test-fixture.h"
#include "test-util.h"

typedef TestFixture Fixture;

/* Sở Tư pháp, inspected on 12–14/03/2025, with recommendations 5 and 6. */
static void
add_inspection (Fixture *f)
{
  gint64 stp = test_fixture_add_unit (f, "STP", "Sở Tư pháp", 0);
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO inspection (id, unit_id, year, title, start_date, end_date) VALUES (2, %" G_GINT64_FORMAT
    ", 2025, 'Kiểm tra công tác CCHC', '2025-03-12', '2025-03-14');"
    "INSERT INTO recommendation (id, inspection_id, text, responsible_unit_id, deadline) VALUES"
    " (5, 2, 'Công khai đầy đủ thủ tục hành chính', %" G_GINT64_FORMAT ", '2025-06-30'),"
    " (6, 2, 'Gửi báo cáo khắc phục', %" G_GINT64_FORMAT ", '2025-07-15');", stp, stp, stp);

  test_sqlite_exec (f->path, sql);
}

static gint64
add_pdf (Fixture    *f,
         const char *name)
{
  g_autofree char *pdf = test_make_pdf (f->dir, name, 1);
  g_autoptr(GError) error = NULL;
  gint64 id = par_evidence_add_file (f->db, pdf, 0, NULL, NULL, &error);

  g_assert_no_error (error);
  return id;
}

static guint
n_linked (Fixture       *f,
          ParLinkTarget *target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = par_evidence_list_for_target (f->db, target, &error);

  g_assert_no_error (error);
  return documents->len;
}

static void
test_link_and_unlink (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ParLinkTarget) recommendation = par_link_target_new_recommendation (5);
  g_autoptr(ParLinkTarget) other = par_link_target_new_recommendation (6);
  g_autoptr(ParLinkTarget) inspection = par_link_target_new_inspection (2);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) linked = NULL;
  g_autoptr(GError) error = NULL;
  gint64 report;

  add_inspection (f);
  report = add_pdf (f, "bao-cao-khac-phuc.pdf");
  g_assert_true (par_link_target_exists (f->db, recommendation, &error));
  g_assert_no_error (error);

  /* Twice: the second time changes nothing. */
  for (int twice = 0; twice < 2; twice++)
    {
      g_assert_true (par_evidence_link (f->db, report, recommendation, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM evidence_link WHERE recommendation_id = 5"
                                             " AND inspection_id IS NULL AND task_id IS NULL"), ==, 1);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM audit_log WHERE entity = 'recommendation'"
                                             " AND entity_id = 5 AND field = 'evidence' AND new_value IS NOT NULL"),
                   ==, 1);
  documents = par_evidence_list_for_target (f->db, recommendation, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpint (par_evidence_document_get_fields (g_ptr_array_index (documents, 0))->id, ==, report);
  /* Linked to the recommendation only, not to its inspection nor its sibling. */
  g_assert_cmpuint (n_linked (f, inspection), ==, 0);
  g_assert_cmpuint (n_linked (f, other), ==, 0);

  /* What the document is evidence of, in words. */
  linked = par_link_target_list_linked (f->db, report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linked->len, ==, 1);
  g_assert_cmpint (par_link_target_get_kind (g_ptr_array_index (linked, 0)), ==, PAR_LINK_TARGET_RECOMMENDATION);
  g_assert_true (par_link_target_equal (g_ptr_array_index (linked, 0), recommendation));
  g_assert_cmpstr (par_link_target_get_title (g_ptr_array_index (linked, 0)), ==,
                   "Công khai đầy đủ thủ tục hành chính");
  g_assert_cmpstr (par_link_target_get_context (g_ptr_array_index (linked, 0)), ==,
                   "Sở Tư pháp · Inspection of 2025-03-12 – 2025-03-14");

  g_assert_true (par_evidence_unlink (f->db, report, recommendation, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_linked (f, recommendation), ==, 0);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM evidence_document"), ==, 1);
}

/* The link chooser offers the recommendations after the inspections. */
static void
test_chooser_lists_recommendations (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(ParLinkTarget) recommendation = par_link_target_new_recommendation (6);
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GError) error = NULL;
  ParLinkTarget *last;
  gint64 report;

  add_inspection (f);
  report = add_pdf (f, "bao-cao.pdf");
  g_assert_true (par_evidence_link (f->db, report, recommendation, &error));
  targets = par_link_target_list (f->db, report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 3);
  g_assert_cmpint (par_link_target_get_kind (g_ptr_array_index (targets, 0)), ==, PAR_LINK_TARGET_INSPECTION);
  g_assert_false (par_link_target_get_linked (g_ptr_array_index (targets, 0)));
  g_assert_cmpint (par_link_target_get_kind (g_ptr_array_index (targets, 1)), ==, PAR_LINK_TARGET_RECOMMENDATION);
  g_assert_cmpint (par_link_target_get_recommendation_id (g_ptr_array_index (targets, 1)), ==, 5);
  g_assert_false (par_link_target_get_linked (g_ptr_array_index (targets, 1)));
  last = g_ptr_array_index (targets, 2);
  g_assert_cmpint (par_link_target_get_recommendation_id (last), ==, 6);
  g_assert_true (par_link_target_get_linked (last));
  g_assert_cmpstr (par_link_target_get_detail (last), ==, "Kiểm tra công tác CCHC");
  g_assert_true (par_link_target_matches (last, "bao cao khac phuc tu phap"));
  g_assert_false (par_link_target_matches (last, "cong khai"));
}

static void
test_unknown_recommendation (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ParLinkTarget) missing = par_link_target_new_recommendation (99);
  g_autoptr(GError) error = NULL;
  gint64 report;

  add_inspection (f);
  report = add_pdf (f, "bao-cao.pdf");
  g_assert_false (par_link_target_exists (f->db, missing, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no recommendation with id 99.");
  g_clear_error (&error);
  g_assert_false (par_evidence_link (f->db, report, missing, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The document or the recommendation is no longer in the file.");
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM evidence_link"), ==, 0);
}

/* Deleting a recommendation, or its inspection, removes its links; the
 * documents stay kept. */
static void
test_links_go_with_recommendation (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(ParLinkTarget) five = par_link_target_new_recommendation (5);
  g_autoptr(ParLinkTarget) six = par_link_target_new_recommendation (6);
  g_autoptr(GError) error = NULL;
  gint64 report;

  add_inspection (f);
  report = add_pdf (f, "bao-cao.pdf");
  g_assert_true (par_evidence_link (f->db, report, five, &error));
  g_assert_true (par_evidence_link (f->db, report, six, &error));
  g_assert_no_error (error);

  test_sqlite_exec (f->path, "PRAGMA foreign_keys = ON; DELETE FROM recommendation WHERE id = 5");
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM evidence_link WHERE recommendation_id = 5"), ==, 0);
  g_assert_cmpuint (n_linked (f, six), ==, 1);
  test_sqlite_exec (f->path, "PRAGMA foreign_keys = ON; DELETE FROM inspection WHERE id = 2");
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM evidence_link"), ==, 0);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM evidence_document"), ==, 1);
}

/* A version 6 file: evidence_link as 0001 made it, without recommendation_id,
 * and no inspection_item (0007). */
static const char v6_links[] =
  "PRAGMA foreign_keys = OFF;"
  "CREATE TABLE old_link ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL REFERENCES evidence_document (id) ON DELETE CASCADE,"
  "  assessment_id INTEGER REFERENCES assessment (id) ON DELETE CASCADE,"
  "  node_id INTEGER REFERENCES criteria_node (id) ON DELETE CASCADE,"
  "  task_id INTEGER REFERENCES task (id) ON DELETE CASCADE,"
  "  inspection_id INTEGER REFERENCES inspection (id) ON DELETE CASCADE,"
  "  CHECK ((assessment_id IS NOT NULL AND node_id IS NOT NULL AND task_id IS NULL AND inspection_id IS NULL)"
  "      OR (assessment_id IS NULL AND node_id IS NULL AND task_id IS NOT NULL AND inspection_id IS NULL)"
  "      OR (assessment_id IS NULL AND node_id IS NULL AND task_id IS NULL AND inspection_id IS NOT NULL)),"
  "  UNIQUE (document_id, assessment_id, node_id, task_id, inspection_id));"
  "INSERT INTO old_link (id, document_id, inspection_id) SELECT id, document_id, inspection_id FROM evidence_link;"
  "DROP TABLE evidence_link;"
  "ALTER TABLE old_link RENAME TO evidence_link;"
  "CREATE INDEX evidence_link_item ON evidence_link (assessment_id, node_id);"
  "CREATE INDEX evidence_link_task ON evidence_link (task_id);"
  "CREATE INDEX evidence_link_inspection ON evidence_link (inspection_id);"
  "DROP TABLE inspection_item;"
  /* and no trust list, which 0009 adds */
  "DROP TABLE trust_certificate;"
  "DROP TABLE trust_crl;"
  "PRAGMA user_version = 6;";

static void
test_migrate_from_v6 (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ParLinkTarget) inspection = par_link_target_new_inspection (2);
  g_autoptr(ParLinkTarget) recommendation = par_link_target_new_recommendation (5);
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  gint64 report;

  add_inspection (f);
  report = add_pdf (f, "bien-ban.pdf");
  g_assert_true (par_evidence_link (f->db, report, inspection, &error));
  g_assert_no_error (error);
  g_clear_object (&f->db);
  test_sqlite_exec (f->path, v6_links);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM pragma_table_info ('evidence_link')"
                                             " WHERE name = 'recommendation_id'"), ==, 0);

  db = par_database_open (f->path, PAR_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (par_database_get_schema_version (db), ==, PAR_SCHEMA_VERSION);
  g_assert_cmpint (test_sqlite_int (f->path, "PRAGMA user_version"), ==, PAR_SCHEMA_VERSION);
  /* The link kept its id and its inspection. */
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM evidence_link WHERE inspection_id = 2"
                                             " AND recommendation_id IS NULL"), ==, 1);
  documents = par_evidence_list_for_target (db, inspection, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                                             " AND name LIKE 'evidence_link_%'"), ==, 4);
  /* And the new file takes a recommendation's link, and still only one target. */
  g_assert_true (par_evidence_link (db, report, recommendation, &error));
  g_assert_no_error (error);
  g_assert_true (par_database_check (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  par_i18n_init ();
  /* The messages compared below are English, in whatever locale the run has. */
  test_set_language ("en");

#define ADD(name, func) g_test_add (name, Fixture, NULL, test_fixture_set_up, func, test_fixture_tear_down)
  ADD ("/recommendation-evidence/link-and-unlink", test_link_and_unlink);
  ADD ("/recommendation-evidence/chooser-lists-recommendations", test_chooser_lists_recommendations);
  ADD ("/recommendation-evidence/unknown-recommendation", test_unknown_recommendation);
  ADD ("/recommendation-evidence/links-go-with-recommendation", test_links_go_with_recommendation);
  ADD ("/recommendation-evidence/migrate-from-v6", test_migrate_from_v6);
#undef ADD

  return g_test_run ();
}
