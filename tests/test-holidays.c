/* test-holidays.c: the public holidays of a year: the law's days, Tết and Hùng Kings' day from the lunar
 * calendar, the National Day's second day, compensatory days, the file's edits, working days, migration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "par-core.h"
#include "test-fixture.h"
#include "test-util.h"

typedef TestFixture Fixture;

static GDate
day (const char *text)
{
  GDate date;

  g_assert_true (par_plan_parse_date (text, &date));
  return date;
}

/* The table as "DATE KIND;" items, for comparing with formats.md. */
static char *
table_text (GPtrArray *days)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < days->len; i++)
    {
      ParHoliday *holiday = g_ptr_array_index (days, i);

      g_string_append_printf (text, "%04d-%02d-%02d %s;", g_date_get_year (&holiday->date),
                              g_date_get_month (&holiday->date), g_date_get_day (&holiday->date),
                              par_holiday_kind_to_string (holiday->kind));
    }
  return g_string_free (text, FALSE);
}

static void
assert_year (ParDatabase *db,
             int          year,
             const char  *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = par_holidays_list (db, year, &error);
  g_autofree char *got = NULL;

  g_assert_no_error (error);
  got = table_text (days);
  g_assert_cmpstr (got, ==, expected);
}

/* The law's table, without edits, by its year's day. */
static void
assert_law (int         year,
            const char *expected)
{
  g_autoptr(GPtrArray) days = par_holidays_compute (year);
  g_autofree char *got = table_text (days);

  g_assert_cmpstr (got, ==, expected);
}

/* formats.md's tables, exactly. */
static void
test_2026_and_2027 (Fixture       *f,
                    gconstpointer  data)
{
  assert_year (f->db, 2026,
               "2026-01-01 new-year;2026-02-16 tet;2026-02-17 tet;2026-02-18 tet;2026-02-19 tet;2026-02-20 tet;"
               "2026-04-26 hung-kings;2026-04-27 compensatory;2026-04-30 victory-day;2026-05-01 labour-day;"
               "2026-09-01 national-day;2026-09-02 national-day;");
  /* Tết's first day a Saturday, its second a Sunday; 1 May a Saturday */
  assert_year (f->db, 2027,
               "2027-01-01 new-year;2027-02-05 tet;2027-02-06 tet;2027-02-07 tet;2027-02-08 tet;2027-02-09 tet;"
               "2027-02-10 compensatory;2027-02-11 compensatory;2027-04-16 hung-kings;2027-04-30 victory-day;"
               "2027-05-01 labour-day;2027-05-03 compensatory;2027-09-02 national-day;2027-09-03 national-day;");
}

/* 2 September a Sunday, Monday or Thursday: the 3rd too; otherwise the 1st. */
static void
test_national_day (void)
{
  static const struct { int year; const char *days; } cases[] = {
    { 2021, "2021-09-02 national-day;2021-09-03 national-day;" },   /* Thursday */
    { 2022, "2022-09-01 national-day;2022-09-02 national-day;" },   /* Friday */
    { 2024, "2024-09-02 national-day;2024-09-03 national-day;" },   /* Monday */
    { 2025, "2025-09-01 national-day;2025-09-02 national-day;" },   /* Tuesday */
    { 2026, "2026-09-01 national-day;2026-09-02 national-day;" },   /* Wednesday */
    /* Saturday: Friday the 1st, and Monday the 4th makes up for the Saturday */
    { 2023, "2023-09-01 national-day;2023-09-02 national-day;2023-09-04 compensatory;" },
    /* Sunday: Monday the 3rd, and Tuesday the 4th makes up for the Sunday */
    { 2029, "2029-09-02 national-day;2029-09-03 national-day;2029-09-04 compensatory;" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) days = par_holidays_compute (cases[i].year);
      g_autofree char *all = table_text (days);
      g_autofree char *from = g_strdup_printf ("%d-09-", cases[i].year);

      g_assert_cmpstr (strstr (all, from), ==, cases[i].days);
    }
}

/* Art. 111(3): each weekend law day, in date order, gives the first later
 * Monday to Friday that is no law day and no compensatory day yet. */
static void
test_compensatory (void)
{
  /* 1 January a Saturday: Monday the 3rd */
  assert_law (2022, "2022-01-01 new-year;2022-01-03 compensatory;2022-01-31 tet;2022-02-01 tet;2022-02-02 tet;"
                    "2022-02-03 tet;2022-02-04 tet;2022-04-10 hung-kings;2022-04-11 compensatory;"
                    "2022-04-30 victory-day;2022-05-01 labour-day;2022-05-02 compensatory;2022-05-03 compensatory;"
                    "2022-09-01 national-day;2022-09-02 national-day;");
  /* Hùng Kings' day on Saturday 29 April, 30 April a Sunday, 1 May a Monday:
   * the two weekend days are made up on Tuesday 2 and Wednesday 3 May, as in 2023 */
  assert_law (2023, "2023-01-01 new-year;2023-01-02 compensatory;2023-01-21 tet;2023-01-22 tet;2023-01-23 tet;"
                    "2023-01-24 tet;2023-01-25 tet;2023-01-26 compensatory;2023-01-27 compensatory;"
                    "2023-04-29 hung-kings;2023-04-30 victory-day;2023-05-01 labour-day;2023-05-02 compensatory;"
                    "2023-05-03 compensatory;2023-09-01 national-day;2023-09-02 national-day;"
                    "2023-09-04 compensatory;");
}

static void
test_names (void)
{
  g_autoptr(GPtrArray) days = NULL;
  ParHoliday *tet;

  test_set_language ("vi");
  days = par_holidays_compute (2026);
  tet = g_ptr_array_index (days, 1);
  g_assert_cmpstr (tet->name, ==, "Tết Nguyên đán");
  g_assert_cmpstr (par_holiday_kind_get_label (PAR_HOLIDAY_NEW_YEAR), ==, "Tết Dương lịch");
  g_assert_cmpstr (par_holiday_kind_get_label (PAR_HOLIDAY_HUNG_KINGS), ==, "Giỗ Tổ Hùng Vương");
  g_assert_cmpstr (par_holiday_kind_get_label (PAR_HOLIDAY_VICTORY_DAY), ==, "Ngày Chiến thắng");
  g_assert_cmpstr (par_holiday_kind_get_label (PAR_HOLIDAY_LABOUR_DAY), ==, "Ngày Quốc tế Lao động");
  g_assert_cmpstr (par_holiday_kind_get_label (PAR_HOLIDAY_NATIONAL_DAY), ==, "Quốc khánh");
  g_assert_cmpstr (par_holiday_kind_get_label (PAR_HOLIDAY_COMPENSATORY), ==, "Nghỉ bù");
  g_clear_pointer (&days, g_ptr_array_unref);
  test_set_language ("en");
  days = par_holidays_compute (2026);
  tet = g_ptr_array_index (days, 1);
  g_assert_cmpstr (tet->name, ==, "Lunar New Year (Tết)");
  for (int kind = 0; kind < PAR_N_HOLIDAY_KINDS; kind++)
    {
      ParHolidayKind back;

      g_assert_true (par_holiday_kind_from_string (par_holiday_kind_to_string (kind), &back));
      g_assert_cmpint (back, ==, kind);
    }
}

/* Every year of the range has its five Tết days, one Hùng Kings' day and
 * no compensatory day on a weekend or on another holiday. */
static void
test_every_year (void)
{
  for (int year = PAR_HOLIDAYS_FIRST_YEAR; year <= PAR_HOLIDAYS_LAST_YEAR; year++)
    {
      g_autoptr(GPtrArray) days = par_holidays_compute (year);
      guint counts[PAR_N_HOLIDAY_KINDS] = { 0 };

      for (guint i = 0; i < days->len; i++)
        {
          ParHoliday *holiday = g_ptr_array_index (days, i);
          GDateWeekday weekday = g_date_get_weekday (&holiday->date);

          counts[holiday->kind]++;
          g_assert_cmpint (g_date_get_year (&holiday->date), ==, year);
          if (i > 0)
            g_assert_cmpint (g_date_compare (&((ParHoliday *) g_ptr_array_index (days, i - 1))->date,
                                             &holiday->date), <, 0);
          if (holiday->kind == PAR_HOLIDAY_COMPENSATORY)
            g_assert_true (weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY);
        }
      g_assert_cmpuint (counts[PAR_HOLIDAY_TET], ==, 5);
      g_assert_cmpuint (counts[PAR_HOLIDAY_HUNG_KINGS], ==, 1);
      g_assert_cmpuint (counts[PAR_HOLIDAY_NATIONAL_DAY], ==, 2);
    }
}

static int
n_edits (Fixture *f)
{
  return test_sqlite_int (f->path, "SELECT count (*) FROM holiday_edit");
}

/* Adding and removing days; refusals change nothing; no other day moves. */
static void
test_edits (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate date = day ("2026-03-20");

  g_assert_true (par_holidays_add (f->db, &date, "  Nghỉ bù theo thông báo ", &error));
  g_assert_no_error (error);
  g_assert_false (par_holidays_add (f->db, &date, "Lần nữa", &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);
  date = day ("2026-02-17");
  g_assert_false (par_holidays_add (f->db, &date, "Mùng một", &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);
  date = day ("2026-03-21");
  g_assert_false (par_holidays_remove (f->db, &date, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (par_holidays_add (f->db, &date, "   ", &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  date = day ("2101-01-02");
  g_assert_false (par_holidays_add (f->db, &date, "Xa quá", &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (n_edits (f), ==, 1);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count (*) FROM audit_log WHERE entity = 'holiday'"), ==, 1);

  /* Hùng Kings' day removed: its compensatory day stays, nothing else moves */
  date = day ("2026-04-26");
  g_assert_true (par_holidays_remove (f->db, &date, &error));
  g_assert_no_error (error);
  date = day ("2026-09-01");
  g_assert_true (par_holidays_remove (f->db, &date, &error));
  g_assert_no_error (error);
  assert_year (f->db, 2026,
               "2026-01-01 new-year;2026-02-16 tet;2026-02-17 tet;2026-02-18 tet;2026-02-19 tet;2026-02-20 tet;"
               "2026-03-20 added;2026-04-27 compensatory;2026-04-30 victory-day;2026-05-01 labour-day;"
               "2026-09-02 national-day;");
  /* the added day goes; the other years are untouched */
  date = day ("20/03/2026");
  g_assert_true (par_holidays_remove (f->db, &date, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_edits (f), ==, 2);
  assert_year (f->db, 2027,
               "2027-01-01 new-year;2027-02-05 tet;2027-02-06 tet;2027-02-07 tet;2027-02-08 tet;2027-02-09 tet;"
               "2027-02-10 compensatory;2027-02-11 compensatory;2027-04-16 hung-kings;2027-04-30 victory-day;"
               "2027-05-01 labour-day;2027-05-03 compensatory;2027-09-02 national-day;2027-09-03 national-day;");
}

/* A law day removed, added back under another name, then removed again,
 * stays a working day. */
static void
test_readd_removed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = NULL;
  GDate date = day ("2026-09-01");
  const char *name = NULL;

  g_assert_true (par_holidays_remove (f->db, &date, &error));
  g_assert_true (par_holidays_add (f->db, &date, "Nghỉ lễ Quốc khánh (theo thông báo)", &error));
  g_assert_no_error (error);
  days = par_holidays_list (f->db, 2026, &error);
  g_assert_false (par_holidays_is_working_day (days, &date, &name));
  g_assert_cmpstr (name, ==, "Nghỉ lễ Quốc khánh (theo thông báo)");
  g_assert_cmpint (par_holidays_find (days, &date)->kind, ==, PAR_HOLIDAY_ADDED);
  g_clear_pointer (&days, g_ptr_array_unref);
  g_assert_true (par_holidays_remove (f->db, &date, &error));
  g_assert_no_error (error);
  days = par_holidays_list (f->db, 2026, &error);
  g_assert_true (par_holidays_is_working_day (days, &date, &name));
  g_assert_null (name);
  g_clear_pointer (&days, g_ptr_array_unref);
  /* restored: the law's day again */
  g_assert_true (par_holidays_restore (f->db, &date, &error));
  g_assert_no_error (error);
  days = par_holidays_list (f->db, 2026, &error);
  g_assert_cmpint (par_holidays_find (days, &date)->kind, ==, PAR_HOLIDAY_NATIONAL_DAY);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count (*) FROM holiday_edit"), ==, 0);
}

static void
test_working_days (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ParHolidayCalendar) calendar = par_holiday_calendar_new (f->db);
  static const struct { const char *date; gboolean working; gboolean holiday; } cases[] = {
    { "2026-03-10", TRUE, FALSE },    /* a Tuesday */
    { "2026-03-14", FALSE, FALSE },   /* a Saturday */
    { "2026-02-17", FALSE, TRUE },    /* Tết */
    { "2026-04-26", FALSE, TRUE },    /* Hùng Kings' day, a Sunday */
    { "2026-04-27", FALSE, TRUE },    /* its compensatory day */
    { "2026-12-31", TRUE, FALSE },
    { "2027-01-01", FALSE, TRUE },
    { "2027-02-11", FALSE, TRUE },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date = day (cases[i].date);
      const char *name = NULL;
      gboolean working = !cases[i].working;

      g_assert_true (par_holiday_calendar_check (calendar, &date, &working, &name, &error));
      g_assert_no_error (error);
      g_assert_cmpint (working, ==, cases[i].working);
      g_assert_cmpint (name != NULL, ==, cases[i].holiday);
    }
}

/* Rows a file should not hold are left out, not trusted. */
static void
test_untrusted_rows (Fixture       *f,
                     gconstpointer  data)
{
  test_sqlite_exec (f->path, "INSERT INTO holiday_edit (day, name) VALUES ('2026-02-30', 'Không có ngày này'),"
                             " ('2026-13-01', NULL), ('2026-00-10', 'Tháng không'), ('2026-03-03', 'Ngày thật')");
  assert_year (f->db, 2026,
               "2026-01-01 new-year;2026-02-16 tet;2026-02-17 tet;2026-02-18 tet;2026-02-19 tet;2026-02-20 tet;"
               "2026-03-03 added;2026-04-26 hung-kings;2026-04-27 compensatory;2026-04-30 victory-day;"
               "2026-05-01 labour-day;2026-09-01 national-day;2026-09-02 national-day;");
}

static void
test_year_range (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = par_holidays_list (f->db, 1999, &error);

  g_assert_null (days);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  days = par_holidays_list (f->db, 2100, &error);
  g_assert_no_error (error);
  g_assert_nonnull (days);
}

/* A file written before 0005 gains the table, its old version kept. */
static void
test_migrate_from_v4 (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *old = g_build_filename (f->dir, "old.pardesk", NULL);
  g_autofree char *backup = g_strconcat (old, ".v4-backup", NULL);
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  GDate date = day ("2026-03-20");

  test_fixture_make_old_file (old, 4);
  test_sqlite_exec (old, "INSERT INTO org_unit (id, code, name) VALUES (1, 'SNV', 'Sở Nội vụ');");
  db = par_database_open (old, PAR_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (par_database_get_schema_version (db), ==, PAR_SCHEMA_VERSION);
  g_assert_cmpstr (par_database_get_backup_path (db), ==, backup);
  g_assert_cmpint (test_sqlite_int (backup, "PRAGMA user_version"), ==, 4);
  g_assert_cmpint (test_sqlite_int (old, "SELECT count (*) FROM org_unit"), ==, 1);
  g_assert_true (par_holidays_add (db, &date, "Nghỉ bù", &error));
  g_assert_no_error (error);
  g_assert_true (par_database_check (db, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  par_i18n_init ();
  test_set_language ("en");

#define ADD(path, func) g_test_add (path, Fixture, NULL, test_fixture_set_up, func, test_fixture_tear_down)
  ADD ("/holidays/2026-and-2027", test_2026_and_2027);
  g_test_add_func ("/holidays/national-day", test_national_day);
  g_test_add_func ("/holidays/compensatory", test_compensatory);
  g_test_add_func ("/holidays/names", test_names);
  g_test_add_func ("/holidays/every-year", test_every_year);
  ADD ("/holidays/edits", test_edits);
  ADD ("/holidays/readd-removed", test_readd_removed);
  ADD ("/holidays/working-days", test_working_days);
  ADD ("/holidays/untrusted-rows", test_untrusted_rows);
  ADD ("/holidays/year-range", test_year_range);
  ADD ("/holidays/migrate-from-v4", test_migrate_from_v4);
#undef ADD
  return g_test_run ();
}
