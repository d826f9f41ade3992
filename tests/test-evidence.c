/* test-evidence.c: keeping PDFs: store once, details, links, export, search, bad files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "par-core.h"
#include "test-fixture.h"
#include "test-util.h"

typedef TestFixture Fixture;

static char *
make_pdf (Fixture    *f,
          const char *name,
          int         n_pages)
{
  return test_make_pdf (f->dir, name, n_pages);
}

static int
count (Fixture    *f,
       const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return test_sqlite_int (f->path, sql);
}

static void
test_store_once_and_read (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *pdf = make_pdf (f, "qd.pdf", 3);
  g_autofree char *copy = g_build_filename (f->dir, "copy.pdf", NULL);
  g_autoptr(ParEvidenceDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  ParEvidenceFields *fields;
  gboolean reused = TRUE;
  gint64 id, again;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  id = par_evidence_add_file (f->db, pdf, 0, &reused, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_false (reused);

  again = par_evidence_add_file (f->db, pdf, 0, &reused, NULL, &error);
  g_assert_cmpint (again, ==, id);
  g_assert_true (reused);
  g_assert_cmpint (count (f, "evidence_blob"), ==, 1);

  document = par_evidence_get (f->db, id, &error);
  g_assert_no_error (error);
  fields = par_evidence_document_get_fields (document);
  g_assert_cmpint (fields->pages, ==, 3);
  g_assert_false (fields->encrypted);
  g_assert_cmpstr (fields->number, ==, "1242/QĐ-UBND");
  g_assert_cmpstr (fields->date, ==, "2021-09-14");
  g_assert_cmpstr (fields->doc_type, ==, "QUYẾT ĐỊNH");
  g_assert_cmpstr (fields->signature, ==, "none");
  g_assert_cmpstr (fields->filename, ==, "qd.pdf");
  before = test_file_checksum (pdf);
  g_assert_cmpstr (fields->sha256, ==, before);

  /* Back out byte for byte. */
  g_assert_true (par_evidence_export (f->db, id, copy, &error));
  g_assert_no_error (error);
  after = test_file_checksum (copy);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count (f, "evidence_page"), ==, 3);

  /* And into memory, as the viewer reads it. */
  {
    g_autoptr(GBytes) kept = par_evidence_read_bytes (f->db, id, &error);
    g_autoptr(GBytes) original = NULL;
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    original = g_bytes_new_take (g_steal_pointer (&contents), length);
    g_assert_true (g_bytes_equal (kept, original));
    g_assert_null (par_evidence_read_bytes (f->db, id + 100, &error));
    g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  }
}

static void
test_search_ignores_diacritics (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *pdf = make_pdf (f, "qd.pdf", 4);
  g_autoptr(GError) error = NULL;
  gint64 id = par_evidence_add_file (f->db, pdf, 0, NULL, NULL, &error);
  const char *queries[] = { "phối hợp", "phoi hop", "PHỐI HỢP", "quyet dinh", "Cải cách hành chính" };

  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) hits = par_evidence_search (f->db, queries[i], 10, &error);

      g_assert_no_error (error);
      g_test_message ("query %s", queries[i]);
      g_assert_cmpuint (hits->len, >=, 1);
      g_assert_cmpint (((ParSearchHit *) hits->pdata[0])->document_id, ==, id);
      g_assert_cmpint (((ParSearchHit *) hits->pdata[0])->page, ==, 1);
    }
  {
    /* The snippet shows the words as written, the match marked. */
    g_autoptr(GPtrArray) hits = par_evidence_search (f->db, "phoi hop", 10, &error);

    g_assert_nonnull (strstr (((ParSearchHit *) hits->pdata[0])->snippet, "[phối hợp]"));
  }
  {
    g_autoptr(GPtrArray) hits = par_evidence_search (f->db, "Trang 3", 10, &error);

    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpint (((ParSearchHit *) hits->pdata[0])->page, ==, 3);
  }
  {
    g_autoptr(GPtrArray) hits = par_evidence_search (f->db, "không có trong tài liệu", 10, &error);

    g_assert_cmpuint (hits->len, ==, 0);
    g_clear_pointer (&hits, g_ptr_array_unref);
    /* Quotes and operators are text, not search syntax. */
    hits = par_evidence_search (f->db, "\"phoi\" OR hop*", 10, &error);
    g_assert_no_error (error);
  }
}

static void
test_link_to_item (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *pdf = make_pdf (f, "qd.pdf", 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParCriteriaSet) set = NULL;
  g_autoptr(ParAssessment) assessment = NULL;
  g_autoptr(ParEvidenceDocument) document = NULL;
  gint64 id, unit;

  set = test_fixture_import_set (f, "{\"format\":\"par-desk/criteria-set@1\",\"name\":\"S\",\"level\":\"department\","
                                    "\"year\":2025,\"nodes\":[{\"code\":\"1\",\"title\":\"A\",\"max\":1,\"children\":["
                                    "{\"code\":\"1.1\",\"title\":\"B\",\"max\":1}]}]}");
  unit = test_fixture_add_unit (f, "DEP1", "Sở Nội vụ", 0);
  assessment = test_fixture_load_assessment (f, set, unit);
  id = par_evidence_add_file (f->db, pdf, 0, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (par_assessment_link_document (assessment, par_criteria_set_find_node (set, "1.1"), id, &error));
  g_assert_true (par_assessment_link_document (assessment, par_criteria_set_find_node (set, "1.1"), id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (par_assessment_get_evidence_count (assessment, par_criteria_set_find_node (set, "1.1")), ==, 1);
  g_assert_cmpint (count (f, "evidence_link"), ==, 1);

  document = par_evidence_get (f->db, id, &error);
  g_assert_cmpuint (par_evidence_document_get_links (document)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (par_evidence_document_get_links (document), 0), ==, "set 1 DEP1 1.1");

  /* Unlinked, the document stays kept. */
  g_assert_true (par_assessment_unlink_document (assessment, par_criteria_set_find_node (set, "1.1"), id, &error));
  g_assert_cmpint (count (f, "evidence_link"), ==, 0);
  g_assert_cmpint (count (f, "evidence_document"), ==, 1);
  g_assert_cmpuint (par_assessment_get_evidence_count (assessment, par_criteria_set_find_node (set, "1.1")), ==, 0);

  /* An unknown document is refused. */
  g_assert_false (par_assessment_link_document (assessment, par_criteria_set_find_node (set, "1.1"), 999, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
}

/* Links of any kind, through one pair of functions; the targets a document
 * can be linked to, found as people type. */
static void
test_link_targets (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *pdf = make_pdf (f, "kh.pdf", 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParCriteriaSet) set = NULL;
  g_autoptr(ParAssessment) assessment = NULL;
  g_autoptr(ParAssessment) watching = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) linked = NULL;
  g_autoptr(ParEvidenceDocument) document = NULL;
  g_autoptr(ParLinkTarget) missing_task = NULL;
  g_autoptr(ParLinkTarget) missing_item = NULL;
  g_autoptr(ParLinkTarget) item = NULL;
  g_autoptr(ParLinkTarget) task = NULL;
  g_autoptr(ParLinkTarget) inspection = NULL;
  gint64 id, snv, stp;
  ParCriteriaNode *node;

  set = test_fixture_import_set (f, "{\"format\":\"par-desk/criteria-set@1\",\"name\":\"Bộ chỉ số sở\",\"level\":\"department\","
                                    "\"year\":2025,\"nodes\":[{\"code\":\"1\",\"title\":\"Chỉ đạo\",\"max\":2,\"children\":["
                                    "{\"code\":\"1.1\",\"title\":\"Ban hành kế hoạch cải cách hành chính\",\"max\":1},"
                                    "{\"code\":\"1.2\",\"title\":\"Báo cáo định kỳ\",\"max\":1}]}]}");
  snv = test_fixture_add_unit (f, "SNV", "Sở Nội vụ", 0);
  stp = test_fixture_add_unit (f, "STP", "Sở Tư pháp", 0);
  /* Sở Nội vụ has begun its self-assessment; Sở Tư pháp has not. */
  assessment = test_fixture_load_assessment (f, set, snv);
  g_assert_true (par_assessment_set_score (assessment, par_criteria_set_find_node (set, "1.2"), PAR_SCORE_SELF,
                                           FALSE, 500, &error));
  g_assert_no_error (error);
  /* No window makes plans or inspections yet. */
  {
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO plan (id, unit_id, year, title) VALUES (7, %" G_GINT64_FORMAT ", 2025, 'Kế hoạch CCHC năm 2025');"
      "INSERT INTO task (id, plan_id, code, title) VALUES (4, 7, '3', 'Rà soát thủ tục hành chính');"
      "INSERT INTO inspection (id, unit_id, year, title) VALUES (2, %" G_GINT64_FORMAT ", 2025,"
      " 'Kiểm tra công tác CCHC tại Sở Tư pháp');", snv, stp);

    test_sqlite_exec (f->path, sql);
  }
  id = par_evidence_add_file (f->db, pdf, 0, NULL, NULL, &error);
  g_assert_no_error (error);

  /* The items of every assessment, then tasks, then inspections. */
  targets = par_link_target_list (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (targets->len, ==, 4);
  item = g_object_ref (g_ptr_array_index (targets, 0));
  task = g_object_ref (g_ptr_array_index (targets, 2));
  inspection = g_object_ref (g_ptr_array_index (targets, 3));
  g_assert_cmpint (par_link_target_get_kind (item), ==, PAR_LINK_TARGET_ITEM);
  g_assert_cmpstr (par_link_target_get_title (item), ==, "1.1 Ban hành kế hoạch cải cách hành chính");
  g_assert_cmpstr (par_link_target_get_context (item), ==, "Sở Nội vụ · PAR Index 2025");
  g_assert_cmpstr (par_link_target_get_detail (item), ==, "Bộ chỉ số sở");
  g_assert_cmpint (par_link_target_get_assessment_id (item), ==, par_assessment_get_id (assessment));
  g_assert_cmpint (par_link_target_get_node_id (item), ==,
                   par_criteria_node_get_id (par_criteria_set_find_node (set, "1.1")));
  g_assert_cmpstr (par_link_target_get_title (g_ptr_array_index (targets, 1)), ==, "1.2 Báo cáo định kỳ");
  g_assert_cmpint (par_link_target_get_kind (task), ==, PAR_LINK_TARGET_TASK);
  g_assert_cmpint (par_link_target_get_task_id (task), ==, 4);
  g_assert_cmpstr (par_link_target_get_title (task), ==, "3 Rà soát thủ tục hành chính");
  g_assert_cmpstr (par_link_target_get_context (task), ==, "Sở Nội vụ · Reform plan 2025");
  g_assert_cmpint (par_link_target_get_kind (inspection), ==, PAR_LINK_TARGET_INSPECTION);
  g_assert_cmpint (par_link_target_get_inspection_id (inspection), ==, 2);
  g_assert_cmpstr (par_link_target_get_context (inspection), ==, "Sở Tư pháp · Inspection 2025");
  for (guint i = 0; i < targets->len; i++)
    g_assert_false (par_link_target_get_linked (g_ptr_array_index (targets, i)));

  /* Typed without diacritics or capitals, every word counts. */
  g_assert_true (par_link_target_matches (item, "ke hoach"));
  g_assert_true (par_link_target_matches (item, "KẾ HOẠCH nội vụ 1.1"));
  g_assert_false (par_link_target_matches (g_ptr_array_index (targets, 1), "ke hoach"));
  g_assert_true (par_link_target_matches (inspection, "tu phap"));
  g_assert_true (par_link_target_matches (task, "ra soat thu tuc"));
  g_assert_false (par_link_target_matches (task, "ra soat khong co"));
  g_assert_true (par_link_target_matches (task, ""));
  g_assert_true (par_link_target_matches (task, "  "));

  /* An assessment open elsewhere (the PAR Index) reads the counts again. */
  watching = par_assessment_load (f->db, set, snv, &error);
  node = par_criteria_set_find_node (set, "1.1");

  /* Linked to one of each, twice: the second time changes nothing. */
  for (int twice = 0; twice < 2; twice++)
    {
      g_assert_true (par_evidence_link (f->db, id, item, &error));
      g_assert_true (par_evidence_link (f->db, id, task, &error));
      g_assert_true (par_evidence_link (f->db, id, inspection, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (count (f, "evidence_link"), ==, 3);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM audit_log WHERE entity = 'task' AND entity_id = 4"
                                             " AND field = 'evidence' AND old_value IS NULL AND new_value = '1'"), ==, 1);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM audit_log WHERE entity = 'inspection'"
                                             " AND entity_id = 2 AND field = 'evidence' AND new_value = '1'"), ==, 1);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM audit_log WHERE entity = 'score'"
                                             " AND field = 'evidence' AND new_value = '1'"), ==, 1);
  g_assert_cmpuint (par_assessment_get_evidence_count (watching, node), ==, 0);
  g_assert_true (par_assessment_reload_evidence (watching, &error));
  g_assert_cmpuint (par_assessment_get_evidence_count (watching, node), ==, 1);

  /* Each target lists the document (a task's pane, an item's); a target
   * not in the file has none. */
  {
    g_autoptr(ParLinkTarget) nowhere = par_link_target_new_task (999);
    ParLinkTarget *each[] = { item, task, inspection, nowhere };

    for (gsize i = 0; i < G_N_ELEMENTS (each); i++)
      {
        g_autoptr(GPtrArray) documents = par_evidence_list_for_target (f->db, each[i], &error);

        g_assert_no_error (error);
        g_assert_cmpuint (documents->len, ==, each[i] != nowhere ? 1 : 0);
        if (each[i] != nowhere)
          g_assert_cmpint (par_evidence_document_get_fields (g_ptr_array_index (documents, 0))->id, ==, id);
      }
  }

  linked = par_link_target_list_linked (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (linked->len, ==, 3);
  g_assert_true (par_link_target_equal (g_ptr_array_index (linked, 0), item));
  g_assert_true (par_link_target_equal (g_ptr_array_index (linked, 1), task));
  g_assert_true (par_link_target_equal (g_ptr_array_index (linked, 2), inspection));
  g_assert_cmpstr (par_link_target_get_title (g_ptr_array_index (linked, 1)), ==, "3 Rà soát thủ tục hành chính");
  g_assert_cmpstr (par_link_target_get_context (g_ptr_array_index (linked, 2)), ==, "Sở Tư pháp · Inspection 2025");
  g_clear_pointer (&targets, g_ptr_array_unref);
  targets = par_link_target_list (f->db, id, &error);
  g_assert_true (par_link_target_get_linked (g_ptr_array_index (targets, 0)));
  g_assert_false (par_link_target_get_linked (g_ptr_array_index (targets, 1)));
  g_assert_true (par_link_target_get_linked (g_ptr_array_index (targets, 3)));

  document = par_evidence_get (f->db, id, &error);
  g_assert_cmpstr (g_ptr_array_index (par_evidence_document_get_links (document), 1), ==, "task 4");
  g_assert_cmpstr (g_ptr_array_index (par_evidence_document_get_link_labels (document), 1), ==,
                   "Sở Nội vụ · 3 Rà soát thủ tục hành chính (Kế hoạch CCHC năm 2025)");
  g_assert_cmpstr (g_ptr_array_index (par_evidence_document_get_link_labels (document), 2), ==,
                   "Sở Tư pháp · Kiểm tra công tác CCHC tại Sở Tư pháp (2025)");

  /* Targets that are gone are refused. */
  missing_task = par_link_target_new_task (999);
  g_assert_false (par_evidence_link (f->db, id, missing_task, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  missing_item = par_link_target_new_item (999, par_link_target_get_node_id (item));
  g_assert_false (par_evidence_link (f->db, id, missing_item, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "evidence_link"), ==, 3);

  /* Ids as typed on the command line are checked, and the error names them. */
  g_assert_true (par_link_target_exists (f->db, item, &error));
  g_assert_true (par_link_target_exists (f->db, task, &error));
  g_assert_true (par_link_target_exists (f->db, inspection, &error));
  g_assert_no_error (error);
  g_assert_false (par_link_target_exists (f->db, missing_task, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "999"));
  g_clear_error (&error);
  g_assert_false (par_link_target_exists (f->db, missing_item, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autoptr(ParLinkTarget) missing_inspection = par_link_target_new_inspection (998);

    g_assert_false (par_link_target_exists (f->db, missing_inspection, &error));
    g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "998"));
    g_clear_error (&error);
  }

  /* Unlinked (twice is harmless), the document stays kept; each is audited. */
  for (int twice = 0; twice < 2; twice++)
    {
      g_assert_true (par_evidence_unlink (f->db, id, item, &error));
      g_assert_true (par_evidence_unlink (f->db, id, task, &error));
      g_assert_true (par_evidence_unlink (f->db, id, inspection, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (count (f, "evidence_link"), ==, 0);
  g_assert_cmpint (count (f, "evidence_document"), ==, 1);
  {
    g_autoptr(GPtrArray) documents = par_evidence_list_for_target (f->db, task, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (documents->len, ==, 0);
  }

  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM audit_log WHERE field = 'evidence'"
                                             " AND old_value = '1' AND new_value IS NULL"), ==, 3);
  {
    g_autoptr(GPtrArray) documents = par_evidence_list_for_target (f->db, task, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (documents->len, ==, 0);
  }
  g_assert_true (par_assessment_reload_evidence (watching, &error));
  g_assert_cmpuint (par_assessment_get_evidence_count (watching, node), ==, 0);
}

static void
test_correct_details (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *pdf = make_pdf (f, "qd.pdf", 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParEvidenceDocument) document = NULL;
  g_autoptr(ParEvidenceDocument) again = NULL;
  gint64 id = par_evidence_add_file (f->db, pdf, 0, NULL, NULL, &error);
  ParEvidenceFields *fields;
  char *old_date;
  g_autofree char *iso = NULL;

  document = par_evidence_get (f->db, id, &error);
  fields = par_evidence_document_get_fields (document);
  g_free (fields->number);
  fields->number = g_strdup ("1243/QĐ-UBND");
  g_assert_true (par_evidence_update_details (f->db, id, fields, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM audit_log WHERE entity = 'evidence_document'"
                                             " AND field = 'doc_number'"), ==, 1);

  old_date = fields->date;
  fields->date = (char *) "2021-02-30";
  g_assert_false (par_evidence_update_details (f->db, id, fields, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  fields->date = old_date;

  again = par_evidence_get (f->db, id, NULL);
  g_assert_cmpstr (par_evidence_document_get_fields (again)->number, ==, "1243/QĐ-UBND");
  g_assert_cmpstr (par_evidence_document_get_fields (again)->date, ==, "2021-09-14");

  /* Dates as people type them. */
  g_assert_true (par_parse_date ("14/9/2021", &iso));
  g_assert_cmpstr (iso, ==, "2021-09-14");
  g_clear_pointer (&iso, g_free);
  g_assert_true (par_parse_date ("2021-09-14", &iso));
  g_assert_cmpstr (iso, ==, "2021-09-14");
  g_clear_pointer (&iso, g_free);
  g_assert_false (par_parse_date ("31/02/2021", &iso));
  g_assert_false (par_parse_date ("hôm qua", &iso));
}

static void
assert_refused (Fixture    *f,
                const char *path,
                gint64      max_bytes)
{
  g_autoptr(GError) error = NULL;
  int documents = count (f, "evidence_document");
  int blobs = count (f, "evidence_blob");

  g_assert_cmpint (par_evidence_add_file (f->db, path, max_bytes, NULL, NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_cmpint (count (f, "evidence_document"), ==, documents);
  g_assert_cmpint (count (f, "evidence_blob"), ==, blobs);
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *good = make_pdf (f, "good.pdf", 2);
  g_autofree char *text = g_build_filename (f->dir, "text.pdf", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.pdf", NULL);
  g_autofree char *truncated = g_build_filename (f->dir, "truncated.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.pdf", NULL);
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (text, "not a pdf at all\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, length / 2, NULL));
  /* A header and an end, and nothing readable between. */
  g_assert_true (g_file_set_contents (garbage, "%PDF-1.5\n\x01\x02garbage garbage\n%%EOF\n", -1, NULL));

  assert_refused (f, text, 0);
  assert_refused (f, empty, 0);
  assert_refused (f, truncated, 0);
  assert_refused (f, missing, 0);
  assert_refused (f, garbage, 0);
  assert_refused (f, good, 100);   /* above the size limit */
  g_assert_cmpint (count (f, "evidence_document"), ==, 0);
}

static void
test_damaged_xref (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *good = make_pdf (f, "good.pdf", 2);
  g_autofree char *damaged = g_build_filename (f->dir, "damaged.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  char *xref;
  gint64 id;

  g_assert_true (g_file_get_contents (good, &contents, &length, NULL));
  /* Every offset of the cross-reference table wrong: poppler rebuilds it. */
  xref = NULL;
  for (char *p = contents + length - 6; p >= contents && xref == NULL; p--)   /* the data holds NULs */
    if (memcmp (p, "\nxref\n", 6) == 0)
      xref = p + 1;
  g_assert_nonnull (xref);
  for (char *p = xref + 5; p < contents + length - 10 && *p != 't'; p++)
    if (g_ascii_isdigit (*p) && p[-1] != ' ')
      *p = '9';
  g_assert_true (g_file_set_contents (damaged, contents, length, NULL));

  /* Either kept with its pages read, or refused with a reason: never a crash
   * and never a half-stored document. */
  id = par_evidence_add_file (f->db, damaged, 0, NULL, NULL, &error);
  if (id == 0)
    g_assert_nonnull (error);
  else
    {
      g_autoptr(ParEvidenceDocument) document = par_evidence_get (f->db, id, &error);

      g_assert_cmpint (par_evidence_document_get_fields (document)->pages, ==, 2);
    }
  g_assert_cmpint (count (f, "evidence_document"), ==, count (f, "evidence_blob"));
}

static void
test_many_pages (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *pdf = make_pdf (f, "long.pdf", 1500);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 id = par_evidence_add_file (f->db, pdf, 0, NULL, NULL, &error);
  g_autoptr(ParEvidenceDocument) document = NULL;

  g_assert_no_error (error);
  document = par_evidence_get (f->db, id, &error);
  g_assert_cmpint (par_evidence_document_get_fields (document)->pages, ==, 1500);
  hits = par_evidence_search (f->db, "Trang 1499", 5, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((ParSearchHit *) hits->pdata[0])->page, ==, 1499);
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *pdf = make_pdf (f, "qd.pdf", 5);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_cmpint (par_evidence_add_file (f->db, pdf, 0, NULL, cancellable, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count (f, "evidence_blob"), ==, 0);
  g_assert_cmpint (count (f, "evidence_page"), ==, 0);
}

static void
cancel_after_two (guint       index,
                  guint       total,
                  const char *path,
                  gpointer    user_data)
{
  if (index == 1)
    g_cancellable_cancel (user_data);
}

/* A batch reads the next files on a second thread while it stores: the
 * results still come in the order of the paths, a file kept before or
 * earlier in the batch is reused, a bad one is refused alone, and a
 * cancel keeps what was stored before it. */
static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *before = make_pdf (f, "before.pdf", 1);
  g_autofree char *a = make_pdf (f, "a.pdf", 2);
  g_autofree char *b = make_pdf (f, "b.pdf", 3);
  g_autofree char *text = g_build_filename (f->dir, "text.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.pdf", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  ParAddResult **r;
  gint64 before_id;

  g_assert_true (g_file_set_contents (text, "not a pdf at all\n", -1, NULL));
  before_id = par_evidence_add_file (f->db, before, 0, NULL, NULL, &error);
  g_assert_no_error (error);

  g_ptr_array_add (paths, a);
  g_ptr_array_add (paths, text);
  g_ptr_array_add (paths, before);
  g_ptr_array_add (paths, a);
  g_ptr_array_add (paths, missing);
  g_ptr_array_add (paths, b);
  results = par_evidence_add_files (f->db, paths, 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, paths->len);
  r = (ParAddResult **) results->pdata;
  g_assert_cmpint (r[0]->id, >, before_id);
  g_assert_false (r[0]->reused);
  g_assert_cmpint (r[1]->id, ==, 0);
  g_assert_error (r[1]->error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  g_assert_cmpint (r[2]->id, ==, before_id);
  g_assert_true (r[2]->reused);
  g_assert_cmpint (r[3]->id, ==, r[0]->id);
  g_assert_true (r[3]->reused);
  g_assert_error (r[4]->error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpint (r[5]->id, >, r[0]->id);
  g_assert_cmpint (count (f, "evidence_document"), ==, 3);
  g_assert_cmpint (count (f, "evidence_blob"), ==, 3);
  g_assert_cmpint (count (f, "evidence_page"), ==, 1 + 2 + 3);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* The batch ended its bulk writes: all is in the file, the log empty. */
  {
    g_autofree char *wal_path = g_strconcat (f->path, "-wal", NULL);
    GStatBuf st;

    g_assert_cmpint (g_stat (wal_path, &st), ==, 0);
    g_assert_cmpint (st.st_size, ==, 0);
  }

  /* Cancelled while the second of four new files is under way: the first
   * stays, the rest are refused as cancelled, nothing half-stored. */
  g_ptr_array_set_size (paths, 0);
  for (int i = 0; i < 4; i++)
    g_ptr_array_add (paths, make_pdf (f, (const char *[]) { "c.pdf", "d.pdf", "e.pdf", "g.pdf" }[i], 4 + i));
  g_ptr_array_set_free_func (paths, g_free);
  results = par_evidence_add_files (f->db, paths, 0, cancel_after_two, cancellable, cancellable, &error);
  g_assert_no_error (error);
  r = (ParAddResult **) results->pdata;
  g_assert_cmpint (r[0]->id, >, 0);
  for (guint i = 2; i < results->len; i++)
    g_assert_error (r[i]->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count (f, "evidence_document"), ==, 3 + 1 + (r[1]->id != 0));
  g_assert_cmpint (count (f, "evidence_document"), ==, count (f, "evidence_blob"));
}

static void
test_encrypted (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *pdf = make_pdf (f, "open.pdf", 2);
  g_autofree char *path = g_build_filename (f->dir, "locked.pdf", NULL);
  g_autofree char *locked = test_qpdf (pdf, "--encrypt secret owner 256 --", path);
  g_autoptr(ParEvidenceDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (locked == NULL)
    return;
  id = par_evidence_add_file (f->db, locked, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  document = par_evidence_get (f->db, id, &error);
  g_assert_true (par_evidence_document_get_fields (document)->encrypted);
  /* its text cannot be read, nor searched, until it is unlocked */
  g_assert_false (par_evidence_document_get_fields (document)->text_read);

  /* The one-column answer the PDF worker opens by agrees, and refuses an
   * unknown document. */
  {
    gint64 open_id = par_evidence_add_file (f->db, pdf, 0, NULL, NULL, &error);
    gboolean encrypted = FALSE;

    g_assert_no_error (error);
    g_assert_true (par_evidence_is_encrypted (f->db, id, &encrypted, &error));
    g_assert_no_error (error);
    g_assert_true (encrypted);
    g_assert_true (par_evidence_is_encrypted (f->db, open_id, &encrypted, &error));
    g_assert_false (encrypted);
    g_assert_false (par_evidence_is_encrypted (f->db, open_id + 100, &encrypted, &error));
    g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  }
}

static void
test_fold (void)
{
  struct { const char *in, *out; } cases[] = {
    { "Quyết định", "quyet dinh" }, { "ĐỒNG Ý", "dong y" }, { "phối hợp", "phoi hop" },
    { "Ủy ban nhân dân", "uy ban nhan dan" }, { "abc 123", "abc 123" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = par_text_fold (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
      /* One character for one character: snippets rely on it. */
      g_assert_cmpint (g_utf8_strlen (folded, -1), ==, g_utf8_strlen (cases[i].in, -1));
    }
  {
    g_autofree char *nfd = g_utf8_normalize ("Quyết định", -1, G_NORMALIZE_NFD);
    g_autofree char *folded = par_text_fold (nfd);

    g_assert_cmpstr (folded, ==, "quyet dinh");
  }
}

static void
count_progress (guint       done,
                guint       total,
                const char *path,
                gpointer    user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

/* Bytes of a kept document changed inside the file (a bad disk, a crafted
 * file): checking names the document, exporting refuses it, the intact
 * ones still export. */
static void
test_damaged_bytes (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *first = make_pdf (f, "first.pdf", 2);
  g_autofree char *second = make_pdf (f, "second.pdf", 3);
  g_autofree char *out = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *partial = g_strconcat (out, ".part", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GArray) damaged = NULL;
  g_autoptr(GError) error = NULL;
  gboolean intact = FALSE;
  guint calls = 0;
  gint64 id1, id2;

  id1 = par_evidence_add_file (f->db, first, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  id2 = par_evidence_add_file (f->db, second, 0, NULL, NULL, &error);
  g_assert_no_error (error);

  damaged = par_evidence_verify_all (f->db, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (damaged->len, ==, 0);
  g_clear_pointer (&damaged, g_array_unref);

  /* 32 bytes flipped in the middle of the second document */
  sql = g_strdup_printf ("UPDATE evidence_blob SET data = substr (data, 1, 1000) || randomblob (32)"
                         " || substr (data, 1033) WHERE id = (SELECT blob_id FROM evidence_document"
                         " WHERE id = %" G_GINT64_FORMAT ")", id2);
  test_sqlite_exec (f->path, sql);

  g_assert_true (par_evidence_verify (f->db, id1, &intact, &error));
  g_assert_true (intact);
  g_assert_true (par_evidence_verify (f->db, id2, &intact, &error));
  g_assert_false (intact);
  damaged = par_evidence_verify_all (f->db, count_progress, &calls, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (damaged->len, ==, 1);
  g_assert_cmpint (g_array_index (damaged, gint64, 0), ==, id2);
  g_assert_cmpuint (calls, ==, 2);

  g_assert_false (par_evidence_export (f->db, id2, out, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_DAMAGED);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_true (par_evidence_export (f->db, id1, out, &error));
  g_assert_no_error (error);
}

static ParEvidenceDocument *
get_document (Fixture *f,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  ParEvidenceDocument *document = par_evidence_get (f->db, id, &error);

  g_assert_no_error (error);
  return document;
}

/* A document whose text takes longer to read than its budget is kept all
 * the same, its text marked as not read, and the rest of the batch goes
 * on; the reader is stopped, not waited for. */
static void
test_slow_document (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (paths, make_pdf (f, "before.pdf", 2));
  g_ptr_array_add (paths, test_make_slow_pdf (f->dir, "slow.pdf", 40000));
  g_ptr_array_add (paths, make_pdf (f, "after.pdf", 3));
  g_setenv ("PAR_DESK_PDF_BUDGET_MS", "500", TRUE);
  results = par_evidence_add_files (f->db, paths, 0, NULL, NULL, NULL, &error);
  g_unsetenv ("PAR_DESK_PDF_BUDGET_MS");
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      ParAddResult *result = g_ptr_array_index (results, i);
      g_autoptr(ParEvidenceDocument) document = NULL;

      g_assert_no_error (result->error);
      g_assert_cmpint (result->id, >, 0);
      document = get_document (f, result->id);
      g_assert_cmpint (par_evidence_document_get_fields (document)->text_read, ==, i != 1);
      g_assert_cmpint (par_evidence_document_get_fields (document)->pages, ==, i == 0 ? 2 : i == 1 ? 1 : 3);
    }
  /* the documents after it were read by a new reader, and are found */
  hits = par_evidence_search (f->db, "to chuc thuc hien", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 3);
}

/* A reader that talks nonsense (as one that a crafted document has taken
 * over might): the document is kept, its text not read, nothing breaks. */
static void
test_reader_talking_nonsense (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *pdf = make_pdf (f, "plain.pdf", 1);
  g_autofree char *script = g_build_filename (f->dir, "bad-reader.sh", NULL);
  g_autoptr(ParEvidenceDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (g_file_set_contents (script, "#!/bin/sh\nhead -c 100000 /dev/urandom\nexec sleep 30\n", -1, NULL));
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  g_setenv ("PAR_DESK_PDF_READER", script, TRUE);
  g_setenv ("PAR_DESK_PDF_BUDGET_MS", "2000", TRUE);
  id = par_evidence_add_file (f->db, pdf, 0, NULL, NULL, &error);
  g_unsetenv ("PAR_DESK_PDF_READER");
  g_unsetenv ("PAR_DESK_PDF_BUDGET_MS");
  g_assert_no_error (error);
  document = get_document (f, id);
  g_assert_false (par_evidence_document_get_fields (document)->text_read);
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
  ADD ("/evidence/store-once-and-read", test_store_once_and_read);
  ADD ("/evidence/search-ignores-diacritics", test_search_ignores_diacritics);
  ADD ("/evidence/link-to-item", test_link_to_item);
  ADD ("/evidence/link-targets", test_link_targets);
  ADD ("/evidence/bad-files", test_bad_files);
  ADD ("/evidence/correct-details", test_correct_details);
  ADD ("/evidence/damaged-bytes", test_damaged_bytes);
  ADD ("/evidence/slow-document", test_slow_document);
  ADD ("/evidence/reader-talking-nonsense", test_reader_talking_nonsense);
  ADD ("/evidence/damaged-xref", test_damaged_xref);
  ADD ("/evidence/many-pages", test_many_pages);
  ADD ("/evidence/cancelled", test_cancelled);
  ADD ("/evidence/batch", test_batch);
  ADD ("/evidence/encrypted", test_encrypted);
#undef ADD
  g_test_add_func ("/evidence/fold", test_fold);

  return g_test_run ();
}
