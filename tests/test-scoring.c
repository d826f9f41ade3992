/* test-scoring.c: points, method rules, exact totals, N/A, audit history and ranking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "par-core.h"
#include "test-fixture.h"
#include "test-util.h"

typedef TestFixture Fixture;

/* The set of the acceptance checks (par-index.sh). */
static const char sample_set[] =
  "{ \"format\": \"par-desk/criteria-set@1\", \"name\": \"Sample set\", \"level\": \"department\", \"year\": 2025,"
  "  \"nodes\": ["
  "    { \"code\": \"1\", \"title\": \"Direction and management\", \"max\": 3.75, \"children\": ["
  "      { \"code\": \"1.1\", \"title\": \"Plan issued on time\", \"max\": 1,"
  "        \"method\": { \"type\": \"choice\", \"options\": [ {\"label\": \"On time\", \"points\": 1},"
  "                      {\"label\": \"Late\", \"points\": 0.5}, {\"label\": \"No\", \"points\": 0} ] } },"
  "      { \"code\": \"1.2\", \"title\": \"Tasks completed\", \"max\": 2.5,"
  "        \"method\": { \"type\": \"manual\", \"step\": 0.25 } },"
  "      { \"code\": \"1.3\", \"title\": \"Reports\", \"max\": 0.25, \"applicable_optional\": true } ] },"
  "    { \"code\": \"2\", \"title\": \"Procedures\", \"max\": 1.2, \"children\": ["
  "      { \"code\": \"2.1\", \"title\": \"Published\", \"max\": 0.7 },"
  "      { \"code\": \"2.2\", \"title\": \"Online\", \"max\": 0.5, \"children\": ["
  "        { \"code\": \"2.2.1\", \"title\": \"Level 3\", \"max\": 0.3 },"
  "        { \"code\": \"2.2.2\", \"title\": \"Level 4\", \"max\": 0.2 } ] } ] },"
  "    { \"code\": \"3\", \"title\": \"Survey\", \"max\": 5, \"method\": { \"type\": \"survey\" } } ] }";

/* Bonus and penalty items, nested and at the top; ten items of 0.1; an
 * optional area. */
static const char extra_set[] =
  "{ \"format\": \"par-desk/criteria-set@1\", \"name\": \"Extras\", \"level\": \"department\", \"year\": 2025,"
  "  \"nodes\": ["
  "    { \"code\": \"1\", \"title\": \"Tenths\", \"max\": 1, \"children\": ["
  "      { \"code\": \"1.1\", \"title\": \"a\", \"max\": 0.1 }, { \"code\": \"1.2\", \"title\": \"b\", \"max\": 0.1 },"
  "      { \"code\": \"1.3\", \"title\": \"c\", \"max\": 0.1 }, { \"code\": \"1.4\", \"title\": \"d\", \"max\": 0.1 },"
  "      { \"code\": \"1.5\", \"title\": \"e\", \"max\": 0.1 }, { \"code\": \"1.6\", \"title\": \"f\", \"max\": 0.1 },"
  "      { \"code\": \"1.7\", \"title\": \"g\", \"max\": 0.1 }, { \"code\": \"1.8\", \"title\": \"h\", \"max\": 0.1 },"
  "      { \"code\": \"1.9\", \"title\": \"i\", \"max\": 0.1 }, { \"code\": \"1.10\", \"title\": \"j\", \"max\": 0.1 },"
  "      { \"code\": \"1.11\", \"title\": \"Bonus\", \"max\": 0.5, \"method\": { \"type\": \"bonus\" } },"
  "      { \"code\": \"1.12\", \"title\": \"Penalty\", \"max\": 0.75, \"method\": { \"type\": \"penalty\" } } ] },"
  "    { \"code\": \"2\", \"title\": \"Optional area\", \"max\": 2, \"applicable_optional\": true, \"children\": ["
  "      { \"code\": \"2.1\", \"title\": \"x\", \"max\": 1.5, \"method\": { \"type\": \"manual\", \"step\": 0.5 } },"
  "      { \"code\": \"2.2\", \"title\": \"y\", \"max\": 0.5, \"method\": { \"type\": \"survey\" } } ] },"
  "    { \"code\": \"3\", \"title\": \"Plain area\", \"max\": 1, \"children\": ["
  "      { \"code\": \"3.1\", \"title\": \"z\", \"max\": 1 } ] },"
  "    { \"code\": \"4\", \"title\": \"Top bonus\", \"max\": 2, \"method\": { \"type\": \"bonus\" } },"
  "    { \"code\": \"5\", \"title\": \"Top penalty\", \"max\": 1, \"method\": { \"type\": \"penalty\" } } ] }";

static ParCriteriaNode *
node_of (ParCriteriaSet *set,
         const char     *code)
{
  ParCriteriaNode *node = par_criteria_set_find_node (set, code);

  g_assert_nonnull (node);
  return node;
}

static gint64
pts (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 milli = -1;

  g_assert_true (par_points_parse (text, &milli, &error));
  g_assert_no_error (error);
  return milli;
}

static void
score (ParAssessment *a,
       const char    *code,
       ParScoreKind   kind,
       const char    *value)
{
  g_autoptr(GError) error = NULL;

  par_assessment_set_score (a, node_of (par_assessment_get_set (a), code), kind, FALSE, pts (value), &error);
  g_assert_no_error (error);
}

static void
refuse (ParAssessment *a,
        const char    *code,
        ParScoreKind   kind,
        const char    *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (par_assessment_set_score (a, node_of (par_assessment_get_set (a), code), kind, FALSE,
                                            pts (value), &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
}

static void
set_na (ParAssessment *a,
        const char    *code,
        gboolean       na)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (par_assessment_set_not_applicable (a, node_of (par_assessment_get_set (a), code), na, &error));
  g_assert_no_error (error);
}

/* A node's line as `score show` prints it: "MAX SELF APPRAISED". */
static char *
field (gboolean na,
       gboolean has,
       gint64   milli)
{
  return na ? g_strdup ("NA") : has ? par_points_to_string (milli) : g_strdup ("");
}

static char *
show (ParAssessment *a,
      const char    *code)
{
  ParCriteriaNode *node = node_of (par_assessment_get_set (a), code);
  ParSubtotal sub;
  g_autofree char *max = par_points_to_string (par_criteria_node_get_max (node));
  g_autofree char *s = NULL;
  g_autofree char *p = NULL;

  par_assessment_get_subtotal (a, node, &sub);
  s = field (sub.not_applicable, sub.has_self, sub.self_milli);
  p = field (sub.not_applicable, sub.has_appraised, sub.appraised_milli);
  return g_strdup_printf ("%s %s %s", max, s, p);
}

#define assert_show(a, code, expected) G_STMT_START { \
  g_autofree char *_line = show ((a), (code)); \
  g_assert_cmpstr (_line, ==, (expected)); \
} G_STMT_END

/* "TOTAL max self appraised / PERCENT applicable self% appraised%" */
static char *
show_totals (ParAssessment *a)
{
  ParTotals t;
  g_autofree char *max = NULL, *s = NULL, *p = NULL, *applicable = NULL, *sp = NULL, *pp = NULL;

  par_assessment_get_totals (a, &t);
  max = par_points_to_string (t.max_milli);
  s = field (FALSE, t.has_self, t.self_milli);
  p = field (FALSE, t.has_appraised, t.appraised_milli);
  applicable = par_points_to_string (t.applicable_milli);
  sp = par_percent_to_string (t.self_percent);
  pp = par_percent_to_string (t.appraised_percent);
  return g_strdup_printf ("%s %s %s / %s %s %s", max, s, p, applicable, sp, pp);
}

#define assert_totals(a, expected) G_STMT_START { \
  g_autofree char *_line = show_totals (a); \
  g_assert_cmpstr (_line, ==, (expected)); \
} G_STMT_END

/* ---- points ---------------------------------------------------------- */

static void
test_points_parse (void)
{
  static const struct { const char *text; gint64 milli; } good[] = {
    { "0.5", 500 }, { "0,5", 500 }, { " 2 ", 2000 }, { "1.250", 1250 }, { "1,25", 1250 }, { "0", 0 },
    { "14.25", 14250 }, { "0.001", 1 }, { ".5", 500 }, { "1.2340", 1234 }, { "30", 30000 },
  };
  static const struct { const char *text; int code; } bad[] = {
    { "1.2345", PAR_POINTS_ERROR_TOO_PRECISE }, { "0,0001", PAR_POINTS_ERROR_TOO_PRECISE },
    { "-1", PAR_POINTS_ERROR_NEGATIVE }, { "-0.5", PAR_POINTS_ERROR_NEGATIVE },
    { "abc", PAR_POINTS_ERROR_MALFORMED }, { "", PAR_POINTS_ERROR_MALFORMED },
    { "   ", PAR_POINTS_ERROR_MALFORMED }, { "1.2.3", PAR_POINTS_ERROR_MALFORMED },
    { "1,5,0", PAR_POINTS_ERROR_MALFORMED }, { "2 points", PAR_POINTS_ERROR_MALFORMED },
    { "1e3", PAR_POINTS_ERROR_MALFORMED }, { ",", PAR_POINTS_ERROR_MALFORMED },
    { "99999999999999", PAR_POINTS_ERROR_TOO_LARGE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 milli = -1;

      g_test_message ("parsing “%s”", good[i].text);
      g_assert_true (par_points_parse (good[i].text, &milli, &error));
      g_assert_no_error (error);
      g_assert_cmpint (milli, ==, good[i].milli);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 milli = -7;

      g_test_message ("refusing “%s”", bad[i].text);
      g_assert_false (par_points_parse (bad[i].text, &milli, &error));
      g_assert_error (error, PAR_POINTS_ERROR, bad[i].code);
      g_assert_cmpint (milli, ==, -7);
    }
  {
    g_autoptr(GError) error = NULL;
    gint64 milli = -7;

    g_assert_false (par_points_parse (NULL, &milli, &error));
    g_assert_error (error, PAR_POINTS_ERROR, PAR_POINTS_ERROR_MALFORMED);
  }
}

static void
test_points_format (void)
{
  static const struct { gint64 milli; const char *text; } points[] = {
    { 0, "0" }, { 500, "0.5" }, { 1250, "1.25" }, { 14250, "14.25" }, { 10000, "10" }, { 1, "0.001" },
    { 300, "0.3" }, { 3150, "3.15" }, { 9950, "9.95" }, { -500, "-0.5" }, { -2000, "-2" }, { 100010, "100.01" },
  };
  static const struct { gint64 part, whole, hundredths; const char *text; } percents[] = {
    { 3150, 4700, 6702, "67.02" },      /* 67.0212… */
    { 5000, 9700, 5155, "51.55" },      /* 51.5463… */
    { 1, 8000, 1, "0.01" },             /* 0.0125 → 0.01 */
    { 1, 40000, 0, "0" },               /* 0.0025 → 0 */
    { 1, 20000, 1, "0.01" },            /* 0.005 → 0.01 (half up) */
    { 3, 20000, 2, "0.02" },            /* 0.015 → 0.02 */
    { 1, 1600, 6, "0.06" },             /* 0.0625 → 0.06 */
    { 2469, 2000, 12345, "123.45" },    /* exact */
    { 12345, 20000, 6173, "61.73" },    /* 61.725 → 61.73 (half up) */
    { 10005, 20000, 5003, "50.03" },    /* 50.025 → 50.03 */
    { 1, 3000, 3, "0.03" },             /* 0.0333… */
    { 2, 3000, 7, "0.07" },             /* 0.0666… */
    { 9000, 10000, 9000, "90" },
    { 5000, 0, 0, "0" },                /* no denominator */
    { 5000, -10, 0, "0" },
    { 0, 5000, 0, "0" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autofree char *text = par_points_to_string (points[i].milli);
      gint64 back = -1;

      g_assert_cmpstr (text, ==, points[i].text);
      if (points[i].milli >= 0)
        {
          g_assert_true (par_points_parse (text, &back, NULL));
          g_assert_cmpint (back, ==, points[i].milli);
        }
    }
  for (gsize i = 0; i < G_N_ELEMENTS (percents); i++)
    {
      gint64 hundredths = par_percent_of (percents[i].part, percents[i].whole);
      g_autofree char *text = par_percent_to_string (hundredths);

      g_test_message ("%" G_GINT64_FORMAT " / %" G_GINT64_FORMAT, percents[i].part, percents[i].whole);
      g_assert_cmpint (hundredths, ==, percents[i].hundredths);
      g_assert_cmpstr (text, ==, percents[i].text);
    }
}

/* ---- method rules ---------------------------------------------------- */

static void
test_method_rules (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ParCriteriaSet) set = test_fixture_import_set (f, sample_set);
  g_autoptr(ParCriteriaSet) extras = test_fixture_import_set (f, extra_set);
  static const struct { const char *code; gboolean appraised; const char *value; gboolean ok; } cases[] = {
    /* manual, step 0.25, max 2.5 */
    { "1.2", FALSE, "2.25", TRUE }, { "1.2", FALSE, "0", TRUE }, { "1.2", FALSE, "2.5", TRUE },
    { "1.2", FALSE, "2.6", FALSE }, { "1.2", FALSE, "0.3", FALSE }, { "1.2", FALSE, "2.75", FALSE },
    { "1.2", TRUE, "0.3", FALSE }, { "1.2", TRUE, "1.75", TRUE },
    /* manual, default step 0.01 */
    { "2.1", FALSE, "0.01", TRUE }, { "2.1", FALSE, "0.7", TRUE }, { "2.1", FALSE, "0.005", FALSE },
    { "2.1", FALSE, "0.701", FALSE },
    /* choice: 1, 0.5, 0 */
    { "1.1", FALSE, "1", TRUE }, { "1.1", FALSE, "0.5", TRUE }, { "1.1", FALSE, "0", TRUE },
    { "1.1", FALSE, "0.7", FALSE }, { "1.1", FALSE, "0.25", FALSE }, { "1.1", TRUE, "0.75", FALSE },
    { "1.1", TRUE, "0.5", TRUE },
    /* survey: appraised only */
    { "3", FALSE, "4", FALSE }, { "3", FALSE, "0", FALSE }, { "3", TRUE, "4.5", TRUE }, { "3", TRUE, "5", TRUE },
    { "3", TRUE, "5.5", FALSE },
    /* groups are sums */
    { "1", FALSE, "1", FALSE }, { "2.2", FALSE, "0.3", FALSE }, { "2", TRUE, "0", FALSE },
  };
  static const struct { const char *code; gboolean appraised; const char *value; gboolean ok; } extra_cases[] = {
    /* bonus 0..0.5 and penalty 0..0.75, both ways */
    { "1.11", FALSE, "0", TRUE }, { "1.11", FALSE, "0.5", TRUE }, { "1.11", FALSE, "0.51", FALSE },
    { "1.11", TRUE, "0.25", TRUE }, { "1.12", FALSE, "0.75", TRUE }, { "1.12", FALSE, "0.8", FALSE },
    { "1.12", TRUE, "0.1", TRUE }, { "4", FALSE, "2", TRUE }, { "4", FALSE, "2.01", FALSE },
    { "5", FALSE, "1", TRUE }, { "5", TRUE, "1.5", FALSE },
    /* manual, step 0.5 */
    { "2.1", FALSE, "1.5", TRUE }, { "2.1", FALSE, "1.25", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases) + G_N_ELEMENTS (extra_cases); i++)
    {
      gboolean first = i < G_N_ELEMENTS (cases);
      gsize j = first ? i : i - G_N_ELEMENTS (cases);
      const char *code = first ? cases[j].code : extra_cases[j].code;
      gboolean appraised = first ? cases[j].appraised : extra_cases[j].appraised;
      const char *value = first ? cases[j].value : extra_cases[j].value;
      gboolean ok = first ? cases[j].ok : extra_cases[j].ok;
      ParCriteriaNode *node = node_of (first ? set : extras, code);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s %s %s", code, appraised ? "appraised" : "self", value);
      g_assert_cmpint (par_criteria_node_check_value (node, appraised, pts (value), &error), ==, ok);
      if (ok)
        g_assert_no_error (error);
      else
        {
          g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
          /* The message names the item. */
          g_assert_nonnull (strstr (error->message, code));
        }
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (par_criteria_node_check_value (node_of (set, "1.2"), FALSE, -250, &error));
    g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  }
  g_assert_cmpint (par_criteria_node_get_method (node_of (set, "1")), ==, PAR_METHOD_GROUP);
  g_assert_cmpint (par_criteria_node_get_method (node_of (set, "2.1")), ==, PAR_METHOD_MANUAL);
  g_assert_cmpint (par_criteria_node_get_step (node_of (set, "2.1")), ==, 10);
  g_assert_cmpint (par_criteria_node_get_step (node_of (set, "1.2")), ==, 250);
}

/* A refused value writes nothing. */
static void
test_refused_writes_nothing (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ParCriteriaSet) set = test_fixture_import_set (f, sample_set);
  gint64 unit = test_fixture_add_unit (f, "DEP1", "Department One", 0);
  g_autoptr(ParAssessment) a = test_fixture_load_assessment (f, set, unit);
  int n_audit = test_sqlite_int (f->path, "SELECT count(*) FROM audit_log");
  g_autoptr(GError) error = NULL;

  /* Before the first score: not even the assessment row. */
  refuse (a, "1.2", PAR_SCORE_SELF, "2.6");
  refuse (a, "3", PAR_SCORE_SELF, "4");
  refuse (a, "1", PAR_SCORE_SELF, "1");
  g_assert_false (par_assessment_set_not_applicable (a, node_of (set, "1.2"), TRUE, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (par_assessment_get_id (a), ==, 0);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM assessment"), ==, 0);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM score"), ==, 0);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM audit_log"), ==, n_audit);

  score (a, "1.2", PAR_SCORE_SELF, "2.25");
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM audit_log"), ==, n_audit + 1);
  n_audit++;

  /* After it: the stored score and the history stay as they were. */
  refuse (a, "1.2", PAR_SCORE_SELF, "0.3");
  refuse (a, "1.2", PAR_SCORE_SELF, "2.6");
  refuse (a, "1.1", PAR_SCORE_SELF, "0.7");
  refuse (a, "3", PAR_SCORE_SELF, "4");
  refuse (a, "2.2", PAR_SCORE_APPRAISED, "0.3");
  g_assert_false (par_assessment_set_score (a, node_of (set, "2"), PAR_SCORE_SELF, TRUE, 0, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (par_assessment_set_not_applicable (a, node_of (set, "2"), TRUE, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM audit_log"), ==, n_audit);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM score"), ==, 1);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT self_milli FROM score"), ==, 2250);
  assert_show (a, "1.2", "2.5 2.25 ");
  assert_show (a, "1", "3.75 2.25 ");

  /* Writing the same value again changes nothing either. */
  score (a, "1.2", PAR_SCORE_SELF, "2,25");
  set_na (a, "1.3", FALSE);
  g_assert_true (par_assessment_set_explanation (a, node_of (set, "1.2"), "  ", &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM audit_log"), ==, n_audit);
}

/* ---- totals ---------------------------------------------------------- */

static void
test_exact_totals (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ParCriteriaSet) set = test_fixture_import_set (f, extra_set);
  gint64 unit = test_fixture_add_unit (f, "DEP1", "Department One", 0);
  g_autoptr(ParAssessment) a = test_fixture_load_assessment (f, set, unit);
  static const char *tenths[] = { "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10" };
  ParSubtotal sub;

  assert_show (a, "1", "1  ");
  assert_totals (a, "4   / 4 0 0");

  /* 0.1 + 0.1 + 0.1 is 0.3, not 0.30000000000000004 */
  score (a, "1.1", PAR_SCORE_SELF, "0.1");
  score (a, "1.2", PAR_SCORE_SELF, "0.1");
  score (a, "1.3", PAR_SCORE_SELF, "0.1");
  assert_show (a, "1", "1 0.3 ");
  g_assert_cmpint (par_criteria_node_get_max (node_of (set, "1.2")), ==, 100);
  for (gsize i = 0; i < G_N_ELEMENTS (tenths); i++)
    score (a, tenths[i], PAR_SCORE_SELF, "0.1");
  par_assessment_get_subtotal (a, node_of (set, "1"), &sub);
  g_assert_true (sub.has_self);
  g_assert_false (sub.has_appraised);
  g_assert_cmpint (sub.self_milli, ==, 1000);
  assert_show (a, "1", "1 1 ");
  /* the self-score's denominator leaves out the survey 2.2: 1 / 3.5 */
  assert_totals (a, "4 1  / 4 28.57 0");

  /* Bonus on top of the parent, penalty taken off. */
  score (a, "1.11", PAR_SCORE_SELF, "0.5");
  assert_show (a, "1", "1 1.5 ");
  score (a, "1.12", PAR_SCORE_SELF, "0.75");
  assert_show (a, "1", "1 0.75 ");
  score (a, "1.12", PAR_SCORE_APPRAISED, "0.25");
  assert_show (a, "1", "1 0.75 -0.25");
  assert_show (a, "1.12", "0.75 0.75 0.25");
  /* Top-level bonus and penalty do not count in the maximum, but in the total. */
  assert_totals (a, "4 0.75 -0.25 / 4 21.43 -6.25");
  score (a, "4", PAR_SCORE_SELF, "1.5");
  score (a, "5", PAR_SCORE_SELF, "0.25");
  assert_totals (a, "4 2 -0.25 / 4 57.14 -6.25");
  score (a, "3.1", PAR_SCORE_SELF, "0.99");
  score (a, "3.1", PAR_SCORE_APPRAISED, "1");
  score (a, "4", PAR_SCORE_APPRAISED, "2");
  score (a, "5", PAR_SCORE_APPRAISED, "1");
  assert_show (a, "4", "2 1.5 2");
  assert_show (a, "5", "1 0.25 1");
  /* self: 0.75 + 0.99 + 1.5 − 0.25; appraised: −0.25 + 1 + 2 − 1; the
   * survey 2.2 (0.5) leaves the self-score's denominator */
  assert_totals (a, "4 2.99 1.75 / 4 85.43 43.75");

  /* Clearing a score takes it out again. */
  g_assert_true (par_assessment_set_score (a, node_of (set, "1.12"), PAR_SCORE_SELF, TRUE, 0, NULL));
  assert_show (a, "1.12", "0.75  0.25");
  assert_show (a, "1", "1 1.5 -0.25");
  g_assert_true (par_assessment_set_score (a, node_of (set, "1.12"), PAR_SCORE_APPRAISED, TRUE, 0, NULL));
  assert_show (a, "1", "1 1.5 ");
  assert_totals (a, "4 3.74 2 / 4 106.86 50");
}

static void
test_not_applicable (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ParCriteriaSet) set = test_fixture_import_set (f, extra_set);
  gint64 unit = test_fixture_add_unit (f, "DEP1", "Department One", 0);
  g_autoptr(ParAssessment) a = test_fixture_load_assessment (f, set, unit);
  g_autoptr(ParAssessment) again = NULL;
  g_autoptr(GError) error = NULL;

  score (a, "2.1", PAR_SCORE_SELF, "1");
  score (a, "2.2", PAR_SCORE_APPRAISED, "0.5");
  score (a, "3.1", PAR_SCORE_SELF, "1");
  score (a, "3.1", PAR_SCORE_APPRAISED, "0.5");
  assert_show (a, "2", "2 1 0.5");
  /* self 2 of (4 − 0.5 survey); appraised 1 of 4 */
  assert_totals (a, "4 2 1 / 4 57.14 25");
  g_assert_cmpint (par_assessment_get_status (a, node_of (set, "2.2")), ==, PAR_ITEM_SCORED);

  /* Not applicable where the set does not allow it. */
  g_assert_false (par_assessment_set_not_applicable (a, node_of (set, "2.1"), TRUE, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (par_assessment_set_not_applicable (a, node_of (set, "3"), TRUE, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* A whole area: its max leaves the denominator, its children show N/A,
   * its points leave the total; the scores stay stored. */
  set_na (a, "2", TRUE);
  g_assert_true (par_assessment_is_marked_not_applicable (a, node_of (set, "2")));
  g_assert_false (par_assessment_is_marked_not_applicable (a, node_of (set, "2.1")));
  assert_show (a, "2", "2 NA NA");
  assert_show (a, "2.1", "1.5 NA NA");
  assert_show (a, "2.2", "0.5 NA NA");
  g_assert_cmpint (par_assessment_get_status (a, node_of (set, "2")), ==, PAR_ITEM_NOT_APPLICABLE);
  g_assert_cmpint (par_assessment_get_status (a, node_of (set, "2.1")), ==, PAR_ITEM_NOT_APPLICABLE);
  /* max 4, applicable 2, survey hidden too: self 1/2, appraised 0.5/2 */
  assert_totals (a, "4 1 0.5 / 2 50 25");
  {
    ParTotals t;

    par_assessment_get_totals (a, &t);
    g_assert_cmpint (t.survey_milli, ==, 0);
  }

  /* Scoring a hidden item is stored but stays out of the totals. */
  score (a, "2.1", PAR_SCORE_SELF, "1.5");
  assert_show (a, "2.1", "1.5 NA NA");
  assert_totals (a, "4 1 0.5 / 2 50 25");

  /* A fresh load agrees. */
  again = test_fixture_load_assessment (f, set, unit);
  assert_show (again, "2", "2 NA NA");
  assert_show (again, "2.1", "1.5 NA NA");
  assert_totals (again, "4 1 0.5 / 2 50 25");
  g_clear_object (&again);

  /* Back to applicable: everything returns, with the later score. */
  set_na (a, "2", FALSE);
  assert_show (a, "2", "2 1.5 0.5");
  assert_show (a, "2.1", "1.5 1.5 ");
  assert_totals (a, "4 2.5 1 / 4 71.43 25");

  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM audit_log WHERE field = 'not-applicable'"),
                   ==, 2);
}

/* The numbers of par-index.sh, item for item. */
static void
test_acceptance_numbers (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ParCriteriaSet) set = test_fixture_import_set (f, sample_set);
  gint64 unit = test_fixture_add_unit (f, "DEP1", "Department One", 0);
  g_autoptr(ParAssessment) a = test_fixture_load_assessment (f, set, unit);
  g_autoptr(ParAssessment) again = NULL;
  g_autoptr(GError) error = NULL;
  static const char *expected[][2] = {
    { "1", "3.75 2.75 0.5" }, { "1.1", "1 0.5 0.5" }, { "1.2", "2.5 2.25 " }, { "1.3", "0.25 NA NA" },
    { "2", "1.2 0.4 " }, { "2.1", "0.7 0.1 " }, { "2.2", "0.5 0.3 " }, { "2.2.1", "0.3 0.2 " },
    { "2.2.2", "0.2 0.1 " }, { "3", "5  4.5" },
  };

  g_assert_cmpint (par_criteria_set_get_max_total (set), ==, 9950);
  score (a, "1.1", PAR_SCORE_SELF, "0,5");
  refuse (a, "1.1", PAR_SCORE_SELF, "0.7");
  refuse (a, "1.2", PAR_SCORE_SELF, "2.6");
  refuse (a, "1.2", PAR_SCORE_SELF, "0.3");
  refuse (a, "3", PAR_SCORE_SELF, "4");
  score (a, "1.2", PAR_SCORE_SELF, "2.25");
  set_na (a, "1.3", TRUE);
  score (a, "2.1", PAR_SCORE_SELF, "0.1");
  score (a, "2.2.1", PAR_SCORE_SELF, "0.2");
  score (a, "2.2.2", PAR_SCORE_SELF, "0.1");
  g_assert_true (par_assessment_set_explanation (a, node_of (set, "2.2.2"), "Portal launched in May", &error));
  g_assert_no_error (error);
  score (a, "1.1", PAR_SCORE_APPRAISED, "0.5");
  score (a, "3", PAR_SCORE_APPRAISED, "4.5");

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_show (a, expected[i][0], expected[i][1]);
  assert_totals (a, "9.95 3.15 5 / 9.7 67.02 51.55");
  g_assert_cmpstr (par_assessment_get_explanation (a, node_of (set, "2.2.2")), ==, "Portal launched in May");

  again = test_fixture_load_assessment (f, set, unit);
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_show (again, expected[i][0], expected[i][1]);
  assert_totals (again, "9.95 3.15 5 / 9.7 67.02 51.55");
  g_assert_cmpstr (par_assessment_get_explanation (again, node_of (set, "2.2.2")), ==, "Portal launched in May");
  {
    ParTotals t;

    par_assessment_get_totals (again, &t);
    g_assert_cmpint (t.max_milli, ==, 9950);
    g_assert_cmpint (t.applicable_milli, ==, 9700);
    g_assert_cmpint (t.survey_milli, ==, 5000);
    g_assert_cmpint (t.self_milli, ==, 3150);
    g_assert_cmpint (t.appraised_milli, ==, 5000);
    g_assert_cmpint (t.self_percent, ==, 6702);
    g_assert_cmpint (t.appraised_percent, ==, 5155);
    /* items: 1.1, 1.2, 2.1, 2.2.1, 2.2.2, 3 (1.3 is not applicable) */
    g_assert_cmpuint (t.n_items, ==, 6);
    g_assert_cmpuint (t.n_scored, ==, 6);
  }
}

/* Every field of every node's subtotal and the totals, as one string. */
static char *
dump (ParAssessment *a)
{
  ParCriteriaSet *set = par_assessment_get_set (a);
  GString *text = g_string_new (NULL);
  ParTotals t;

  for (guint i = 0; i < par_criteria_set_get_n_nodes (set); i++)
    {
      ParCriteriaNode *node = par_criteria_set_get_node (set, i);
      ParSubtotal sub;

      par_assessment_get_subtotal (a, node, &sub);
      g_string_append_printf (text, "%s: %d %d %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d status %d na %d\n",
                              par_criteria_node_get_code (node), sub.has_self, sub.has_appraised,
                              sub.has_self ? sub.self_milli : 0, sub.has_appraised ? sub.appraised_milli : 0,
                              sub.not_applicable, par_assessment_get_status (a, node),
                              par_assessment_is_marked_not_applicable (a, node));
    }
  par_assessment_get_totals (a, &t);
  g_string_append_printf (text, "totals: %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                          " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                          " %d %d %u %u\n",
                          t.max_milli, t.applicable_milli, t.survey_milli, t.self_milli, t.appraised_milli,
                          t.self_percent, t.appraised_percent, t.has_self, t.has_appraised, t.n_items, t.n_scored);
  return g_string_free (text, FALSE);
}

/* A set with depth, optional nodes at every level, bonus and penalty
 * below parents, a choice and a survey. */
static const char deep_set[] =
  "{ \"format\": \"par-desk/criteria-set@1\", \"name\": \"Deep\", \"level\": \"district\", \"year\": 2025,"
  "  \"nodes\": ["
  "    { \"code\": \"1\", \"title\": \"A\", \"max\": 6, \"children\": ["
  "      { \"code\": \"1.1\", \"title\": \"A1\", \"max\": 3, \"applicable_optional\": true, \"children\": ["
  "        { \"code\": \"1.1.1\", \"title\": \"a\", \"max\": 1.5, \"method\": { \"type\": \"manual\", \"step\": 0.25 } },"
  "        { \"code\": \"1.1.2\", \"title\": \"b\", \"max\": 1.5, \"applicable_optional\": true,"
  "          \"method\": { \"type\": \"choice\", \"options\": [ {\"label\": \"x\", \"points\": 1.5},"
  "                        {\"label\": \"y\", \"points\": 0.75}, {\"label\": \"z\", \"points\": 0} ] } },"
  "        { \"code\": \"1.1.3\", \"title\": \"bonus\", \"max\": 0.5, \"method\": { \"type\": \"bonus\" } } ] },"
  "      { \"code\": \"1.2\", \"title\": \"A2\", \"max\": 3, \"children\": ["
  "        { \"code\": \"1.2.1\", \"title\": \"c\", \"max\": 2 },"
  "        { \"code\": \"1.2.2\", \"title\": \"d\", \"max\": 1, \"applicable_optional\": true },"
  "        { \"code\": \"1.2.3\", \"title\": \"penalty\", \"max\": 1, \"method\": { \"type\": \"penalty\" } } ] } ] },"
  "    { \"code\": \"2\", \"title\": \"B\", \"max\": 3, \"applicable_optional\": true, \"children\": ["
  "      { \"code\": \"2.1\", \"title\": \"e\", \"max\": 1 },"
  "      { \"code\": \"2.2\", \"title\": \"survey\", \"max\": 2, \"method\": { \"type\": \"survey\" } } ] },"
  "    { \"code\": \"3\", \"title\": \"Survey\", \"max\": 4, \"method\": { \"type\": \"survey\" } },"
  "    { \"code\": \"4\", \"title\": \"Penalty\", \"max\": 2, \"method\": { \"type\": \"penalty\" } } ] }";

/* The incremental update after every edit equals a full load. */
static void
test_incremental_random (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ParCriteriaSet) set = test_fixture_import_set (f, deep_set);
  gint64 unit = test_fixture_add_unit (f, "DIS1", "District One", 0);
  g_autoptr(ParAssessment) a = test_fixture_load_assessment (f, set, unit);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250101);
  guint n_nodes = par_criteria_set_get_n_nodes (set);
  guint n_written = 0, n_refused = 0;

  for (int round = 0; round < 600; round++)
    {
      ParCriteriaNode *node = par_criteria_set_get_node (set, g_rand_int_range (rand, 0, n_nodes));
      int action = g_rand_int_range (rand, 0, 10);
      gint64 max = par_criteria_node_get_max (node);
      g_autoptr(GError) error = NULL;
      gboolean done;

      if (action < 6)
        {
          /* Mostly allowed values: multiples of 0.25 up to a bit above max. */
          gint64 value = 250 * g_rand_int_range (rand, 0, (gint) (max / 250) + 2);
          ParScoreKind kind = g_rand_boolean (rand) ? PAR_SCORE_APPRAISED : PAR_SCORE_SELF;

          if (g_rand_int_range (rand, 0, 8) == 0)
            value += 10;
          done = par_assessment_set_score (a, node, kind, FALSE, value, &error);
        }
      else if (action < 7)
        done = par_assessment_set_score (a, node, g_rand_boolean (rand) ? PAR_SCORE_APPRAISED : PAR_SCORE_SELF,
                                         TRUE, 0, &error);
      else if (action < 9)
        done = par_assessment_set_not_applicable (a, node, !par_assessment_is_marked_not_applicable (a, node),
                                                  &error);
      else
        done = par_assessment_set_explanation (a, node, g_rand_boolean (rand) ? "because" : "", &error);

      if (done)
        {
          g_assert_no_error (error);
          n_written++;
        }
      else
        {
          g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
          n_refused++;
        }

      if (round % 10 == 9 || round > 580)
        {
          g_autoptr(ParAssessment) fresh = test_fixture_load_assessment (f, set, unit);
          g_autofree char *incremental = dump (a);
          g_autofree char *full = dump (fresh);

          g_assert_cmpstr (incremental, ==, full);
        }
    }
  g_test_message ("%u edits accepted, %u refused", n_written, n_refused);
  g_assert_cmpuint (n_written, >, 200);
  g_assert_cmpuint (n_refused, >, 50);
}

/* ---- audit ----------------------------------------------------------- */

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ParCriteriaSet) set = test_fixture_import_set (f, sample_set);
  gint64 unit = test_fixture_add_unit (f, "DEP1", "Department One", 0);
  g_autoptr(ParAssessment) a = test_fixture_load_assessment (f, set, unit);
  g_autoptr(ParAssessment) other = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  ParCriteriaNode *item = node_of (set, "1.2");
  static const char *expected[][3] = {
    { "explanation", "Two tasks left", "" },
    { "self", "1500", NULL },
    { "appraised", NULL, "1750" },
    { "explanation", NULL, "Two tasks left" },
    { "self", "2250", "1500" },
    { "self", NULL, "2250" },
  };
  int n_audit = test_sqlite_int (f->path, "SELECT count(*) FROM audit_log");

  history = par_assessment_get_history (a, item, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 0);
  g_clear_pointer (&history, g_ptr_array_unref);

  score (a, "1.2", PAR_SCORE_SELF, "2.25");
  score (a, "1.2", PAR_SCORE_SELF, "1.5");
  g_assert_true (par_assessment_set_explanation (a, item, "  Two tasks left ", &error));
  g_assert_no_error (error);
  score (a, "1.2", PAR_SCORE_APPRAISED, "1.75");
  g_assert_true (par_assessment_set_score (a, item, PAR_SCORE_SELF, TRUE, 0, &error));
  g_assert_no_error (error);
  g_assert_true (par_assessment_set_explanation (a, item, "", &error));
  g_assert_no_error (error);
  score (a, "1.1", PAR_SCORE_SELF, "1");
  set_na (a, "1.3", TRUE);

  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM audit_log"), ==, n_audit + 8);

  /* Read back from a fresh load, as the history pane does. */
  other = test_fixture_load_assessment (f, set, unit);
  history = par_assessment_get_history (other, item, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < history->len; i++)
    {
      ParHistoryEntry *entry = g_ptr_array_index (history, i);

      g_assert_cmpstr (entry->field, ==, expected[i][0]);
      g_assert_cmpstr (entry->old_value, ==, expected[i][1]);
      g_assert_cmpstr (entry->new_value, ==, expected[i][2]);
      g_assert_cmpstr (entry->actor, ==, g_get_user_name ());
      g_assert_nonnull (entry->at);
      g_assert_true (g_str_has_suffix (entry->at, "Z") || strchr (entry->at, '+') != NULL);
      if (i > 0)
        g_assert_cmpstr (entry->at, <=, ((ParHistoryEntry *) g_ptr_array_index (history, i - 1))->at);
    }
  g_clear_pointer (&history, g_ptr_array_unref);

  history = par_assessment_get_history (other, node_of (set, "1.3"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((ParHistoryEntry *) history->pdata[0])->field, ==, "not-applicable");
  g_assert_cmpstr (((ParHistoryEntry *) history->pdata[0])->old_value, ==, "0");
  g_assert_cmpstr (((ParHistoryEntry *) history->pdata[0])->new_value, ==, "1");
  g_clear_pointer (&history, g_ptr_array_unref);

  /* Another unit's history is its own. */
  {
    gint64 unit2 = test_fixture_add_unit (f, "DEP2", "Department Two", 0);
    g_autoptr(ParAssessment) b = test_fixture_load_assessment (f, set, unit2);

    score (b, "1.2", PAR_SCORE_SELF, "0.5");
    history = par_assessment_get_history (b, item, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 1);
    g_clear_pointer (&history, g_ptr_array_unref);
    history = par_assessment_get_history (a, item, &error);
    g_assert_cmpuint (history->len, ==, G_N_ELEMENTS (expected));
  }
}

static void
test_explanation_status (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ParCriteriaSet) set = test_fixture_import_set (f, sample_set);
  gint64 unit = test_fixture_add_unit (f, "DEP1", "Department One", 0);
  g_autoptr(ParAssessment) a = test_fixture_load_assessment (f, set, unit);
  g_autoptr(ParAssessment) again = NULL;
  g_autoptr(GError) error = NULL;
  ParCriteriaNode *item = node_of (set, "2.1");

  g_assert_cmpint (par_assessment_get_status (a, item), ==, PAR_ITEM_UNSCORED);
  g_assert_cmpstr (par_assessment_get_explanation (a, item), ==, "");

  /* Zero points need no explanation. */
  score (a, "2.1", PAR_SCORE_SELF, "0");
  g_assert_cmpint (par_assessment_get_status (a, item), ==, PAR_ITEM_SCORED);

  /* Points without evidence do. */
  score (a, "2.1", PAR_SCORE_SELF, "0.5");
  g_assert_cmpint (par_assessment_get_evidence_count (a, item), ==, 0);
  g_assert_cmpint (par_assessment_get_status (a, item), ==, PAR_ITEM_NEEDS_EXPLANATION);
  g_assert_true (par_assessment_set_explanation (a, item, "Published on the portal, see link", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (par_assessment_get_explanation (a, item), ==, "Published on the portal, see link");
  g_assert_cmpint (par_assessment_get_status (a, item), ==, PAR_ITEM_SCORED);

  again = test_fixture_load_assessment (f, set, unit);
  g_assert_cmpstr (par_assessment_get_explanation (again, item), ==, "Published on the portal, see link");
  g_assert_cmpint (par_assessment_get_status (again, item), ==, PAR_ITEM_SCORED);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT count(*) FROM score WHERE explanation LIKE 'Published%'"),
                   ==, 1);

  /* Removing the explanation brings the warning back. */
  g_assert_true (par_assessment_set_explanation (a, item, "", &error));
  g_assert_no_error (error);
  g_assert_cmpint (par_assessment_get_status (a, item), ==, PAR_ITEM_NEEDS_EXPLANATION);

  /* An explanation may come before the score. */
  g_assert_true (par_assessment_set_explanation (a, node_of (set, "2.2.1"), "Level 3 online", &error));
  g_assert_no_error (error);
  g_assert_cmpint (par_assessment_get_status (a, node_of (set, "2.2.1")), ==, PAR_ITEM_UNSCORED);
  score (a, "2.2.1", PAR_SCORE_SELF, "0.3");
  g_assert_cmpint (par_assessment_get_status (a, node_of (set, "2.2.1")), ==, PAR_ITEM_SCORED);

  /* A group is scored once every item below it is. */
  g_assert_cmpint (par_assessment_get_status (a, node_of (set, "2.2")), ==, PAR_ITEM_UNSCORED);
  score (a, "2.2.2", PAR_SCORE_SELF, "0");
  g_assert_cmpint (par_assessment_get_status (a, node_of (set, "2.2")), ==, PAR_ITEM_SCORED);

  /* Evidence instead of an explanation will do too. */
  g_assert_cmpint (par_assessment_get_status (a, item), ==, PAR_ITEM_NEEDS_EXPLANATION);
  {
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO evidence_blob (id, sha256, size, data) VALUES (1, printf ('%%064d', 1), 3, x'255044');"
      "INSERT INTO evidence_document (id, blob_id, filename, doc_number, doc_date)"
      " VALUES (1, 1, 'plan.pdf', '1242/QĐ-UBND', '2021-09-14');"
      "INSERT INTO evidence_link (document_id, assessment_id, node_id) VALUES (1, %" G_GINT64_FORMAT
      ", %" G_GINT64_FORMAT ");",
      par_assessment_get_id (a), par_criteria_node_get_id (item));
    g_autoptr(ParAssessment) linked = NULL;

    test_sqlite_exec (f->path, sql);
    linked = test_fixture_load_assessment (f, set, unit);
    g_assert_cmpuint (par_assessment_get_evidence_count (linked, item), ==, 1);
    g_assert_cmpstr (par_assessment_get_explanation (linked, item), ==, "");
    g_assert_cmpint (par_assessment_get_status (linked, item), ==, PAR_ITEM_SCORED);
  }

  /* Text that is not UTF-8 is refused. */
  g_assert_false (par_assessment_set_explanation (a, item, "bad \xff text", &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
}

/* ---- ranking --------------------------------------------------------- */

static ParRankingEntry *
entry_for (GPtrArray  *entries,
           const char *code)
{
  for (guint i = 0; i < entries->len; i++)
    {
      ParRankingEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (par_unit_get_code (entry->unit), code))
        return entry;
    }
  g_assert_not_reached ();
}

static void
test_ranking (Fixture       *f,
              gconstpointer  data)
{
  /* max 10: one manual item of 10 (step 0.01) */
  static const char ten[] =
    "{ \"format\": \"par-desk/criteria-set@1\", \"name\": \"Ten\", \"level\": \"department\", \"year\": 2025,"
    "  \"nodes\": [ { \"code\": \"1\", \"title\": \"A\", \"max\": 10, \"children\": ["
    "    { \"code\": \"1.1\", \"title\": \"a\", \"max\": 10 } ] } ] }";
  g_autoptr(ParCriteriaSet) set = test_fixture_import_set (f, ten);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  ParRankingBasis basis = PAR_RANKING_BY_APPRAISED;
  const char *codes[] = { "U1", "U2", "U3", "U4" };
  const char *self_scores[] = { "8.5", "9.2", "8.5", "6.99" };
  ParAssessment *assessments[4];

  /* No one scored yet: no entries, self basis. */
  g_assert_true (par_ranking_default_basis (f->db, set, &basis, &error));
  g_assert_no_error (error);
  g_assert_cmpint (basis, ==, PAR_RANKING_BY_SELF);
  entries = par_ranking_compute (f->db, set, PAR_RANKING_BY_SELF, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  for (int i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("Unit %d", i + 1);

      assessments[i] = test_fixture_load_assessment (f, set, test_fixture_add_unit (f, codes[i], name, 0));
      score (assessments[i], "1.1", PAR_SCORE_SELF, self_scores[i]);
    }

  g_assert_true (par_ranking_default_basis (f->db, set, &basis, &error));
  g_assert_cmpint (basis, ==, PAR_RANKING_BY_SELF);
  entries = par_ranking_compute (f->db, set, basis, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);
  /* Best first; equal percentages share a rank, the next rank skips. */
  g_assert_cmpstr (par_unit_get_code (((ParRankingEntry *) entries->pdata[0])->unit), ==, "U2");
  g_assert_cmpstr (par_unit_get_code (((ParRankingEntry *) entries->pdata[3])->unit), ==, "U4");
  g_assert_cmpuint (entry_for (entries, "U2")->rank, ==, 1);
  g_assert_cmpuint (entry_for (entries, "U1")->rank, ==, 2);
  g_assert_cmpuint (entry_for (entries, "U3")->rank, ==, 2);
  g_assert_cmpuint (entry_for (entries, "U4")->rank, ==, 4);
  g_assert_cmpint (entry_for (entries, "U2")->percent, ==, 9200);
  g_assert_cmpint (entry_for (entries, "U1")->total_milli, ==, 8500);
  g_assert_cmpint (entry_for (entries, "U4")->percent, ==, 6990);
  g_assert_cmpstr (entry_for (entries, "U2")->group, ==, "A");
  g_assert_cmpstr (entry_for (entries, "U1")->group, ==, "B");
  g_assert_cmpstr (entry_for (entries, "U4")->group, ==, "D");
  for (guint i = 1; i < entries->len; i++)
    g_assert_cmpint (((ParRankingEntry *) entries->pdata[i - 1])->percent, >=,
                     ((ParRankingEntry *) entries->pdata[i])->percent);
  {
    gboolean has;
    gint64 milli;

    par_ranking_area_points (entry_for (entries, "U1"), node_of (set, "1"), PAR_RANKING_BY_SELF, &has, &milli);
    g_assert_true (has);
    g_assert_cmpint (milli, ==, 8500);
    par_ranking_area_points (entry_for (entries, "U1"), node_of (set, "1"), PAR_RANKING_BY_APPRAISED, &has, &milli);
    g_assert_false (has);
  }
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Once anyone is appraised, the appraised scores rank. */
  score (assessments[3], "1.1", PAR_SCORE_APPRAISED, "7");
  g_assert_true (par_ranking_default_basis (f->db, set, &basis, &error));
  g_assert_cmpint (basis, ==, PAR_RANKING_BY_APPRAISED);
  entries = par_ranking_compute (f->db, set, basis, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpstr (par_unit_get_code (((ParRankingEntry *) entries->pdata[0])->unit), ==, "U4");
  g_assert_cmpuint (entry_for (entries, "U4")->rank, ==, 1);
  g_assert_cmpint (entry_for (entries, "U4")->percent, ==, 7000);
  g_assert_cmpstr (entry_for (entries, "U4")->group, ==, "C");
  g_assert_true (entry_for (entries, "U4")->scored);
  /* The three others have nothing appraised: not ranked, no group, last. */
  g_assert_false (entry_for (entries, "U1")->scored);
  g_assert_cmpuint (entry_for (entries, "U1")->rank, ==, 0);
  g_assert_cmpuint (entry_for (entries, "U2")->rank, ==, 0);
  g_assert_cmpuint (entry_for (entries, "U3")->rank, ==, 0);
  g_assert_cmpstr (entry_for (entries, "U3")->group, ==, "");

  for (int i = 0; i < 4; i++)
    g_object_unref (assessments[i]);
}

/* Start from last year: values and explanations follow the codes; what
 * does not match is named. */
static void
test_copy_from_last_year (Fixture       *f,
                          gconstpointer  data)
{
  static const char next_year[] =
    "{ \"format\": \"par-desk/criteria-set@1\", \"name\": \"Next\", \"level\": \"department\", \"year\": 2026,"
    "  \"nodes\": ["
    "    { \"code\": \"1\", \"title\": \"Direction\", \"max\": 4.75, \"children\": ["
    "      { \"code\": \"1.1\", \"title\": \"Plan\", \"max\": 1, \"method\": { \"type\": \"choice\","
    "        \"options\": [ {\"label\": \"On time\", \"points\": 1}, {\"label\": \"No\", \"points\": 0} ] } },"
    "      { \"code\": \"1.2\", \"title\": \"Tasks\", \"max\": 2.5, \"method\": { \"type\": \"manual\", \"step\": 0.25 } },"
    "      { \"code\": \"1.3\", \"title\": \"Reports\", \"max\": 0.25, \"applicable_optional\": true },"
    "      { \"code\": \"1.4\", \"title\": \"New this year\", \"max\": 1 } ] } ] }";
  g_autoptr(ParCriteriaSet) old_set = test_fixture_import_set (f, sample_set);
  g_autoptr(ParCriteriaSet) new_set = test_fixture_import_set (f, next_year);
  gint64 unit = test_fixture_add_unit (f, "U1", "Unit", 0);
  g_autoptr(ParAssessment) old = test_fixture_load_assessment (f, old_set, unit);
  g_autoptr(ParAssessment) fresh = NULL;
  g_autoptr(ParAssessment) reloaded = NULL;
  g_autoptr(GPtrArray) new_items = NULL;
  g_autoptr(GPtrArray) dropped = NULL;
  g_autoptr(GError) error = NULL;
  ParSubtotal sub;

  g_assert_true (par_assessment_set_score (old, node_of (old_set, "1.1"), PAR_SCORE_SELF, FALSE, 500, &error));
  g_assert_true (par_assessment_set_score (old, node_of (old_set, "1.2"), PAR_SCORE_SELF, FALSE, 2250, &error));
  g_assert_true (par_assessment_set_not_applicable (old, node_of (old_set, "1.3"), TRUE, &error));
  g_assert_true (par_assessment_set_explanation (old, node_of (old_set, "1.2"), "Chậm tiến độ", &error));
  g_assert_true (par_assessment_set_score (old, node_of (old_set, "2.1"), PAR_SCORE_SELF, FALSE, 700, &error));

  fresh = test_fixture_load_assessment (f, new_set, unit);
  g_assert_true (par_assessment_copy_from (fresh, old, &new_items, &dropped, &error));
  g_assert_no_error (error);

  /* 0.5 is no option of the new 1.1: not copied, named; 1.4 is new. */
  g_assert_cmpuint (new_items->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (new_items, 0), ==, "1.1");
  g_assert_cmpstr (g_ptr_array_index (new_items, 1), ==, "1.4");
  /* 2.1 was scored but the new set has no 2.1. */
  g_assert_cmpuint (dropped->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (dropped, 0), ==, "2.1");

  /* What was copied is in the file, with its explanation and N/A. */
  reloaded = test_fixture_load_assessment (f, new_set, unit);
  par_assessment_get_subtotal (reloaded, node_of (new_set, "1.2"), &sub);
  g_assert_true (sub.has_self);
  g_assert_cmpint (sub.self_milli, ==, 2250);
  g_assert_cmpstr (par_assessment_get_explanation (reloaded, node_of (new_set, "1.2")), ==, "Chậm tiến độ");
  g_assert_true (par_assessment_is_marked_not_applicable (reloaded, node_of (new_set, "1.3")));
  par_assessment_get_subtotal (reloaded, node_of (new_set, "1.1"), &sub);
  g_assert_false (sub.has_self);
  /* The assessment in memory agrees with the file. */
  par_assessment_get_subtotal (fresh, node_of (new_set, "1"), &sub);
  g_assert_cmpint (sub.self_milli, ==, 2250);
}

static void
test_ranking_groups (void)
{
  static const struct { gint64 percent; const char *group; } cases[] = {
    { 10000, "A" }, { 9000, "A" }, { 8999, "B" }, { 8000, "B" }, { 7999, "C" }, { 7000, "C" },
    { 6999, "D" }, { 0, "D" }, { 10500, "A" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (par_ranking_group_for (cases[i].percent), ==, cases[i].group);
  g_assert_nonnull (strstr (par_ranking_group_label ("A"), "90"));
  g_assert_nonnull (strstr (par_ranking_group_label ("D"), "70"));
}

/* Three units with percentages on the group boundaries, in a set with a
 * survey: 89.995 % rounds to 90 % and reaches group A. */
static void
test_ranking_three_units (Fixture       *f,
                          gconstpointer  data)
{
  static const char set_json[] =
    "{ \"format\": \"par-desk/criteria-set@1\", \"name\": \"Three\", \"level\": \"commune\", \"year\": 2025,"
    "  \"nodes\": [ { \"code\": \"1\", \"title\": \"A\", \"max\": 200, \"children\": ["
    "    { \"code\": \"1.1\", \"title\": \"a\", \"max\": 200, \"method\": { \"type\": \"manual\", \"step\": 0.001 } } ] },"
    "    { \"code\": \"2\", \"title\": \"S\", \"max\": 100, \"method\": { \"type\": \"survey\" } } ] }";
  g_autoptr(ParCriteriaSet) set = test_fixture_import_set (f, set_json);
  g_autoptr(ParAssessment) a = test_fixture_load_assessment (f, set, test_fixture_add_unit (f, "C1", "Commune One", 0));
  g_autoptr(ParAssessment) b = test_fixture_load_assessment (f, set, test_fixture_add_unit (f, "C2", "Commune Two", 0));
  g_autoptr(ParAssessment) c = test_fixture_load_assessment (f, set, test_fixture_add_unit (f, "C3", "Commune Three", 0));
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  ParRankingBasis basis;

  /* self % = self / 200 (the survey is not self-scored) */
  score (a, "1.1", PAR_SCORE_SELF, "179.99");    /* 89.995 → 90.00: A */
  score (b, "1.1", PAR_SCORE_SELF, "179.989");   /* 89.9945 → 89.99: B */
  score (c, "1.1", PAR_SCORE_SELF, "140");       /* 70: C */
  g_assert_true (par_ranking_default_basis (f->db, set, &basis, &error));
  g_assert_cmpint (basis, ==, PAR_RANKING_BY_SELF);
  entries = par_ranking_compute (f->db, set, basis, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpint (entry_for (entries, "C1")->percent, ==, 9000);
  g_assert_cmpint (entry_for (entries, "C2")->percent, ==, 8999);
  g_assert_cmpint (entry_for (entries, "C3")->percent, ==, 7000);
  g_assert_cmpstr (entry_for (entries, "C1")->group, ==, "A");
  g_assert_cmpstr (entry_for (entries, "C2")->group, ==, "B");
  g_assert_cmpstr (entry_for (entries, "C3")->group, ==, "C");
  g_assert_cmpuint (entry_for (entries, "C1")->rank, ==, 1);
  g_assert_cmpuint (entry_for (entries, "C2")->rank, ==, 2);
  g_assert_cmpuint (entry_for (entries, "C3")->rank, ==, 3);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* appraised % = appraised / 300, survey included */
  score (a, "1.1", PAR_SCORE_APPRAISED, "150");
  score (a, "2", PAR_SCORE_APPRAISED, "90");       /* 80 % */
  score (b, "1.1", PAR_SCORE_APPRAISED, "160");
  score (b, "2", PAR_SCORE_APPRAISED, "80");       /* 80 % */
  score (c, "2", PAR_SCORE_APPRAISED, "100");      /* 33.33 % */
  g_assert_true (par_ranking_default_basis (f->db, set, &basis, &error));
  g_assert_cmpint (basis, ==, PAR_RANKING_BY_APPRAISED);
  entries = par_ranking_compute (f->db, set, basis, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry_for (entries, "C1")->percent, ==, 8000);
  g_assert_cmpint (entry_for (entries, "C2")->percent, ==, 8000);
  g_assert_cmpint (entry_for (entries, "C3")->percent, ==, 3333);
  g_assert_cmpint (entry_for (entries, "C1")->total_milli, ==, 240000);
  g_assert_cmpuint (entry_for (entries, "C1")->rank, ==, 1);
  g_assert_cmpuint (entry_for (entries, "C2")->rank, ==, 1);
  g_assert_cmpuint (entry_for (entries, "C3")->rank, ==, 3);
  g_assert_cmpstr (entry_for (entries, "C2")->group, ==, "B");
  g_assert_cmpstr (entry_for (entries, "C3")->group, ==, "D");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  test_set_language ("en");

  g_test_add_func ("/points/parse", test_points_parse);
  g_test_add_func ("/points/format", test_points_format);
#define ADD(name, func) g_test_add (name, Fixture, NULL, test_fixture_set_up, func, test_fixture_tear_down)
  ADD ("/scoring/method-rules", test_method_rules);
  ADD ("/scoring/refused-writes-nothing", test_refused_writes_nothing);
  ADD ("/scoring/exact-totals", test_exact_totals);
  ADD ("/scoring/not-applicable", test_not_applicable);
  ADD ("/scoring/acceptance-numbers", test_acceptance_numbers);
  ADD ("/scoring/incremental-random", test_incremental_random);
  ADD ("/scoring/history", test_history);
  ADD ("/scoring/explanation-status", test_explanation_status);
  ADD ("/scoring/copy-from-last-year", test_copy_from_last_year);
  g_test_add_func ("/ranking/groups", test_ranking_groups);
  ADD ("/ranking/ranks", test_ranking);
  ADD ("/ranking/three-units", test_ranking_three_units);
#undef ADD

  return g_test_run ();
}
