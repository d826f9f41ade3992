/* test-directory.c: units and staff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "par-core.h"
#include "test-fixture.h"
#include "test-util.h"

typedef TestFixture Fixture;

static void
test_add_and_list (Fixture       *f,
                   gconstpointer  data)
{
  gint64 province = test_fixture_add_unit (f, "UBND", "Ủy ban nhân dân tỉnh", 0);
  gint64 snv = test_fixture_add_unit (f, "SNV", "Sở Nội vụ", province);
  gint64 stp = test_fixture_add_unit (f, "STP", "Sở Tư pháp", province);
  gint64 cchc = test_fixture_add_unit (f, " SNV-CCHC ", "  Phòng CCHC  ", snv);
  g_autoptr(GPtrArray) roots = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(ParUnit) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (f->n_changes, ==, 4);

  roots = par_directory_list_units (f->db, PAR_DIRECTORY_ROOT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roots->len, ==, 1);
  g_assert_cmpuint (par_unit_get_n_children (g_ptr_array_index (roots, 0)), ==, 2);

  /* Siblings keep the order they were added in. */
  children = par_directory_list_units (f->db, province, &error);
  g_assert_cmpuint (children->len, ==, 2);
  g_assert_cmpint (par_unit_get_id (g_ptr_array_index (children, 0)), ==, snv);
  g_assert_cmpint (par_unit_get_id (g_ptr_array_index (children, 1)), ==, stp);

  /* Parents come before children, depth first. */
  all = par_directory_list_all_units (f->db, &error);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpint (par_unit_get_id (g_ptr_array_index (all, 0)), ==, province);
  g_assert_cmpint (par_unit_get_id (g_ptr_array_index (all, 1)), ==, snv);
  g_assert_cmpint (par_unit_get_id (g_ptr_array_index (all, 2)), ==, cchc);
  g_assert_cmpint (par_unit_get_id (g_ptr_array_index (all, 3)), ==, stp);

  /* Surrounding spaces are trimmed. */
  found = par_directory_find_unit (f->db, "SNV-CCHC", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (par_unit_get_name (found), ==, "Phòng CCHC");
  g_assert_cmpint (par_unit_get_parent_id (found), ==, snv);
  g_assert_cmpint (par_unit_get_level (found), ==, PAR_UNIT_LEVEL_DEPARTMENT);

  g_clear_object (&found);
  found = par_directory_find_unit (f->db, "NOPE", &error);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (found);

  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM audit_log WHERE entity = 'org_unit' AND field = 'created'"), ==, 4);
}

static void
test_invalid_units (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  test_fixture_add_unit (f, "SNV", "Sở Nội vụ", 0);
  f->n_changes = 0;

  g_assert_cmpint (par_directory_add_unit (f->db, "SNV", "Another", PAR_UNIT_LEVEL_OFFICE, 0, &error), ==, 0);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "SNV"));
  g_clear_error (&error);

  g_assert_cmpint (par_directory_add_unit (f->db, "", "Name", PAR_UNIT_LEVEL_OFFICE, 0, &error), ==, 0);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (par_directory_add_unit (f->db, "A B", "Name", PAR_UNIT_LEVEL_OFFICE, 0, &error), ==, 0);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (par_directory_add_unit (f->db, "X", "   ", PAR_UNIT_LEVEL_OFFICE, 0, &error), ==, 0);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (par_directory_add_unit (f->db, "X", "Name", PAR_UNIT_LEVEL_OFFICE, 9999, &error), ==, 0);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nothing was written and nobody was told of a change. */
  g_assert_cmpuint (f->n_changes, ==, 0);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM org_unit"), ==, 1);
}

static void
test_update_unit (Fixture       *f,
                  gconstpointer  data)
{
  gint64 snv = test_fixture_add_unit (f, "SNV", "Sở Nội vụ", 0);
  g_autoptr(ParUnit) unit = NULL;
  g_autoptr(GError) error = NULL;

  test_fixture_add_unit (f, "STP", "Sở Tư pháp", 0);
  g_assert_true (par_directory_update_unit (f->db, snv, "SNV2", "Sở Nội vụ tỉnh", PAR_UNIT_LEVEL_OFFICE, &error));
  g_assert_no_error (error);
  unit = par_directory_get_unit (f->db, snv, &error);
  g_assert_cmpstr (par_unit_get_code (unit), ==, "SNV2");
  g_assert_cmpstr (par_unit_get_name (unit), ==, "Sở Nội vụ tỉnh");
  g_assert_cmpint (par_unit_get_level (unit), ==, PAR_UNIT_LEVEL_OFFICE);

  /* Each changed field is in the audit log with old and new value. */
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM audit_log WHERE field = 'name' AND old_value = 'Sở Nội vụ' AND new_value = 'Sở Nội vụ tỉnh'"), ==, 1);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM audit_log WHERE field = 'code'"), ==, 1);

  g_assert_false (par_directory_update_unit (f->db, snv, "STP", "x", PAR_UNIT_LEVEL_OFFICE, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_object (&unit);
  unit = par_directory_get_unit (f->db, snv, NULL);
  g_assert_cmpstr (par_unit_get_code (unit), ==, "SNV2");
}

static void
test_move_unit (Fixture       *f,
                gconstpointer  data)
{
  gint64 a = test_fixture_add_unit (f, "A", "A", 0);
  gint64 b = test_fixture_add_unit (f, "B", "B", a);
  gint64 c = test_fixture_add_unit (f, "C", "C", b);
  gint64 d = test_fixture_add_unit (f, "D", "D", 0);
  g_autoptr(ParUnit) unit = NULL;
  g_autoptr(GError) error = NULL;

  /* Under itself or its own descendant: refused. */
  g_assert_false (par_directory_move_unit (f->db, a, c, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (par_directory_move_unit (f->db, a, a, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);

  g_assert_true (par_directory_move_unit (f->db, b, d, &error));
  g_assert_no_error (error);
  unit = par_directory_get_unit (f->db, b, NULL);
  g_assert_cmpint (par_unit_get_parent_id (unit), ==, d);
  g_clear_object (&unit);
  unit = par_directory_get_unit (f->db, c, NULL);
  g_assert_cmpint (par_unit_get_parent_id (unit), ==, b);
  g_clear_object (&unit);

  g_assert_true (par_directory_move_unit (f->db, b, PAR_DIRECTORY_ROOT, &error));
  unit = par_directory_get_unit (f->db, b, NULL);
  g_assert_cmpint (par_unit_get_parent_id (unit), ==, 0);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM audit_log WHERE field = 'parent_id'"), ==, 2);
}

static void
test_delete_unit (Fixture       *f,
                  gconstpointer  data)
{
  gint64 parent = test_fixture_add_unit (f, "P", "Parent", 0);
  gint64 child = test_fixture_add_unit (f, "C", "Child", parent);
  g_autoptr(GError) error = NULL;
  gint64 staff;

  /* A unit with sub-units is refused, and the message says why. */
  g_assert_false (par_directory_delete_unit (f->db, parent, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "1 sub-unit"));
  g_clear_error (&error);

  /* A unit with staff is refused. */
  staff = par_directory_add_staff (f->db, child, "Nguyễn Văn A", "Chuyên viên", PAR_STAFF_ROLE_STAFF, &error);
  g_assert_no_error (error);
  g_assert_false (par_directory_delete_unit (f->db, child, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "1 staff member"));
  g_clear_error (&error);

  /* A unit that an inspection refers to is refused too. */
  test_sqlite_exec (f->path, "PRAGMA foreign_keys = ON; INSERT INTO inspection (unit_id, year, title) VALUES (2, 2026, 'Kiểm tra')");
  g_assert_true (par_directory_delete_staff (f->db, staff, &error));
  g_assert_false (par_directory_delete_unit (f->db, child, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "1 inspection"));
  g_clear_error (&error);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM org_unit"), ==, 2);

  test_sqlite_exec (f->path, "DELETE FROM inspection");
  g_assert_true (par_directory_delete_unit (f->db, child, &error));
  g_assert_no_error (error);
  g_assert_true (par_directory_delete_unit (f->db, parent, &error));
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM org_unit"), ==, 0);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM audit_log WHERE field = 'deleted'"), ==, 3);
}

static void
test_staff (Fixture       *f,
            gconstpointer  data)
{
  gint64 a = test_fixture_add_unit (f, "A", "A", 0);
  gint64 b = test_fixture_add_unit (f, "B", "B", 0);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;
  ParStaff *member;
  gint64 id;

  id = par_directory_add_staff (f->db, a, "  Phạm Thị Lan Anh ", "Trưởng phòng", PAR_STAFF_ROLE_PAR_OFFICER, &error);
  g_assert_no_error (error);
  par_directory_add_staff (f->db, a, "Lê Văn B", "", PAR_STAFF_ROLE_LEADER, &error);
  g_assert_no_error (error);

  staff = par_directory_list_staff (f->db, a, &error);
  g_assert_cmpuint (staff->len, ==, 2);
  member = g_ptr_array_index (staff, 0);
  g_assert_cmpint (par_staff_get_id (member), ==, id);
  g_assert_cmpstr (par_staff_get_full_name (member), ==, "Phạm Thị Lan Anh");
  g_assert_cmpstr (par_staff_get_title (member), ==, "Trưởng phòng");
  g_assert_cmpint (par_staff_get_role (member), ==, PAR_STAFF_ROLE_PAR_OFFICER);
  g_clear_pointer (&staff, g_ptr_array_unref);

  /* Moving to another unit. */
  g_assert_true (par_directory_update_staff (f->db, id, b, "Phạm Thị Lan Anh", "Phó Giám đốc", PAR_STAFF_ROLE_LEADER, &error));
  staff = par_directory_list_staff (f->db, b, &error);
  g_assert_cmpuint (staff->len, ==, 1);
  g_assert_cmpstr (par_staff_get_title (g_ptr_array_index (staff, 0)), ==, "Phó Giám đốc");
  g_clear_pointer (&staff, g_ptr_array_unref);

  g_assert_cmpint (par_directory_add_staff (f->db, a, " ", "", PAR_STAFF_ROLE_STAFF, &error), ==, 0);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (par_directory_add_staff (f->db, 777, "X", "", PAR_STAFF_ROLE_STAFF, &error), ==, 0);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Someone on an inspection team stays. */
  test_sqlite_exec (f->path, "PRAGMA foreign_keys = ON; INSERT INTO inspection (id, unit_id, year, title) VALUES (1, 1, 2026, 'x');"
                             "INSERT INTO inspection_member (inspection_id, staff_id, role) VALUES (1, 1, 'leader')");
  g_assert_false (par_directory_delete_staff (f->db, id, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);

  staff = par_directory_list_staff (f->db, 0, &error);
  g_assert_cmpuint (staff->len, ==, 2);
}

static void
test_labels (void)
{
  ParUnitLevel level;
  ParStaffRole role;

  for (guint i = 0; i < PAR_N_UNIT_LEVELS; i++)
    {
      g_assert_true (par_unit_level_from_string (par_unit_level_to_string (i), &level));
      g_assert_cmpint (level, ==, i);
      g_assert_nonnull (par_unit_level_get_label (i));
    }
  g_assert_false (par_unit_level_from_string ("galaxy", &level));
  for (guint i = 0; i < PAR_N_STAFF_ROLES; i++)
    {
      g_assert_true (par_staff_role_from_string (par_staff_role_to_string (i), &role));
      g_assert_cmpint (role, ==, i);
    }
  g_assert_false (par_staff_role_from_string ("king", &role));
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) staff = NULL;

  g_assert_true (par_demo_fill (f->db, &error));
  g_assert_no_error (error);
  units = par_directory_list_all_units (f->db, &error);
  staff = par_directory_list_staff (f->db, 0, &error);
  g_assert_cmpuint (units->len, >=, 15);
  g_assert_cmpuint (staff->len, >=, 15);
  g_assert_false (par_database_is_empty (f->db));

  /* A second fill is refused and adds nothing. */
  g_assert_false (par_demo_fill (f->db, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM org_unit"), ==, (int) units->len);
}

typedef struct
{
  const char *filename;
  const char *verdict;
  const char *certificates[2];   /* each signature's, in order */
  const char *signed_in;         /* the year of the first signature */
} DemoSigned;

/* The signed documents of the demo show every state: par-demo-signatures.c. */
static void
test_demo_signatures (Fixture       *f,
                      gconstpointer  data)
{
  static const DemoSigned expected[] = {
    { "QD-86-UBND.pdf", "valid", { "trusted" }, "2025" },
    { "KH-64-SNV.pdf", "modified", { "trusted" }, "2025" },
    { "BC-95-UBND-DS.pdf", "valid", { "untrusted" }, "2025" },
    { "QD-142-SNV.pdf", "valid", { "trusted", "trusted" }, "2025" },
    /* Expired since, trusted at its signing time. */
    { "QD-1450-UBND.pdf", "valid", { "trusted" }, "2022" },
    { "KH-71-SNV.pdf", "valid", { "revoked" }, "2025" },
    { "TB-27-UBND.pdf", "valid", { "expired" }, "2025" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) issuers = NULL;
  g_autoptr(GPtrArray) crls = NULL;
  guint found = 0;

  g_assert_true (par_demo_fill (f->db, &error));
  g_assert_no_error (error);
  issuers = par_trust_list_certificates (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issuers->len, ==, 1);
  crls = par_trust_list_crls (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crls->len, ==, 1);
  g_assert_cmpuint (((ParRevocationList *) g_ptr_array_index (crls, 0))->revoked, ==, 1);

  documents = par_evidence_list (f->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      ParEvidenceFields *listed = par_evidence_document_get_fields (g_ptr_array_index (documents, i));

      for (guint j = 0; j < G_N_ELEMENTS (expected); j++)
        {
          g_autoptr(ParEvidenceDocument) document = NULL;
          GPtrArray *signatures;
          guint n = expected[j].certificates[1] != NULL ? 2 : 1;

          if (!g_str_equal (listed->filename, expected[j].filename))
            continue;
          found++;
          g_test_message ("%s", listed->filename);
          g_assert_cmpstr (listed->signature, ==, expected[j].verdict);
          document = par_evidence_get (f->db, listed->id, &error);
          g_assert_no_error (error);
          signatures = par_evidence_document_get_signatures (document);
          g_assert_cmpuint (signatures->len, ==, n);
          for (guint k = 0; k < n; k++)
            {
              ParPdfSignature *signature = g_ptr_array_index (signatures, k);

              g_assert_cmpstr (par_certificate_status_to_string (signature->trust->status), ==,
                               expected[j].certificates[k]);
              g_assert_true (g_str_has_prefix (signature->signing_time, expected[j].signed_in));
              g_assert_cmpstr (signature->signer, !=, "");
            }
          g_assert_cmpstr (par_signature_verdict_to_string (((ParPdfSignature *) g_ptr_array_index (signatures, 0))->status),
                           ==, expected[j].verdict);
        }
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (expected));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, test_fixture_set_up, func, test_fixture_tear_down)
  ADD ("/directory/add-and-list", test_add_and_list);
  ADD ("/directory/invalid-units", test_invalid_units);
  ADD ("/directory/update-unit", test_update_unit);
  ADD ("/directory/move-unit", test_move_unit);
  ADD ("/directory/delete-unit", test_delete_unit);
  ADD ("/directory/staff", test_staff);
  ADD ("/directory/demo", test_demo);
  ADD ("/directory/demo-signatures", test_demo_signatures);
#undef ADD
  g_test_add_func ("/directory/labels", test_labels);

  return g_test_run ();
}
