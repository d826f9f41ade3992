/* par-plan-import-values.c: the values of a CSV file of tasks, read one cell at a time
 *
 * Headers, units and deadlines are read as offices write them: case,
 * Vietnamese diacritics and repeated spaces aside (par_text_fold_words()).
 * Nothing here knows about rows or lines: par-plan-import.c puts a
 * problem's line to what these functions say.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "par-directory.h"
#include "par-plan-import-private.h"
#include "par-text-fold.h"

#define MAX_HEADERS 5

typedef struct
{
  gboolean    required;
  const char *what;                   /* N_() marked: "the task’s title" */
  const char *headers[MAX_HEADERS];   /* English first, then Vietnamese; NULL-ended */
  guint       first_vietnamese;
} ColumnInfo;

static const ColumnInfo columns[PAR_N_IMPORT_COLUMNS] = {
  { FALSE, N_("the task’s code"), { "code", "no.", "STT", "TT", "Số TT" }, 2 },
  { TRUE, N_("the task’s title"), { "title", "task", "Nhiệm vụ", "Nội dung", "Nội dung nhiệm vụ" }, 2 },
  { TRUE, N_("the reform area"), { "area", "Lĩnh vực" }, 1 },
  { TRUE, N_("the lead unit"), { "lead", "lead unit", "Đơn vị chủ trì", "Cơ quan chủ trì", "Chủ trì" }, 2 },
  { FALSE, N_("the coordinating units"),
    { "coordinating", "coordinating units", "Đơn vị phối hợp", "Cơ quan phối hợp", "Phối hợp" }, 2 },
  { FALSE, N_("the output"), { "output", "Sản phẩm", "Kết quả", "Sản phẩm đầu ra" }, 1 },
  { TRUE, N_("the deadline"), { "deadline", "Thời hạn", "Thời hạn hoàn thành", "Thời gian hoàn thành" }, 1 },
};

/* Headers beyond MAX_HEADERS a column. */
static const struct
{
  ParImportColumn column;
  const char     *header;
} more_headers[] = {
  { PAR_IMPORT_COLUMN_CODE, "Mã" },
  { PAR_IMPORT_COLUMN_TITLE, "Tên nhiệm vụ" },
};

static gboolean
same_folded (const char *folded,
             const char *candidate)
{
  g_autofree char *other = par_text_fold_words (candidate);

  return g_str_equal (folded, other);
}

/* The column a header cell names; FALSE if it names none. */
gboolean
par_import_column_parse (const char      *header,
                         ParImportColumn *column)
{
  g_autofree char *folded = par_text_fold_words (header);

  for (guint c = 0; c < PAR_N_IMPORT_COLUMNS; c++)
    for (guint h = 0; h < MAX_HEADERS && columns[c].headers[h] != NULL; h++)
      if (same_folded (folded, columns[c].headers[h]))
        {
          *column = c;
          return TRUE;
        }
  for (guint i = 0; i < G_N_ELEMENTS (more_headers); i++)
    if (same_folded (folded, more_headers[i].header))
      {
        *column = more_headers[i].column;
        return TRUE;
      }
  return FALSE;
}

gboolean
par_import_column_required (ParImportColumn column)
{
  g_return_val_if_fail (column < PAR_N_IMPORT_COLUMNS, FALSE);
  return columns[column].required;
}

/* What the column holds, in the UI language: "the lead unit". */
const char *
par_import_column_describe (ParImportColumn column)
{
  g_return_val_if_fail (column < PAR_N_IMPORT_COLUMNS, NULL);
  return _(columns[column].what);
}

/* The column's first English or Vietnamese header. */
const char *
par_import_column_header (ParImportColumn column,
                          gboolean        vietnamese)
{
  g_return_val_if_fail (column < PAR_N_IMPORT_COLUMNS, NULL);
  return columns[column].headers[vietnamese ? columns[column].first_vietnamese : 0];
}

/* "I." to "VII" (case aside, a trailing dot allowed): the area of a heading row. */
gboolean
par_import_parse_numeral (const char *code,
                          ParArea    *area)
{
  g_autofree char *upper = g_ascii_strup (code, -1);
  gsize length = strlen (g_strstrip (upper));

  if (length > 0 && upper[length - 1] == '.')
    upper[length - 1] = '\0';
  for (guint i = 0; i < PAR_N_AREAS; i++)
    if (g_str_equal (upper, par_area_get_numeral (i)))
      {
        *area = i;
        return TRUE;
      }
  return FALSE;
}

/* A bare number ("2" or "2.") under the heading of @heading becomes "II.2";
 * NULL for any other code. */
char *
par_import_number_code (const char *code,
                        ParArea     heading)
{
  g_autofree char *clean = g_strstrip (g_strdup (code));
  gsize length = strlen (clean);
  guint64 number;

  if (length > 0 && clean[length - 1] == '.')
    clean[--length] = '\0';
  if (length == 0 || length > 9
      || !g_ascii_string_to_unsigned (clean, 10, 0, G_MAXUINT32, &number, NULL))
    return NULL;
  return g_strdup_printf ("%s.%" G_GUINT64_FORMAT, par_area_get_numeral (heading), number);
}

/* Words that mean an ongoing task (thường xuyên), folded. */
static const char * const ongoing_words[] = {
  "thuong xuyen", "ca nam", "trong nam", "hang nam", "ongoing", "all year",
};

/* Splits "quy ii/2026" or "thang 6 nam 2026" (folded) into what comes
 * before the year and the year; *@year is 0 when none is written. */
static char *
split_year (const char *folded,
            int        *year)
{
  g_autoptr(GRegex) regex = g_regex_new ("^(.*?)\\s*(?:/\\s*|\\s+nam\\s+)([0-9]{4})$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *digits = NULL;

  *year = 0;
  if (!g_regex_match (regex, folded, 0, &match))
    return g_strdup (folded);
  digits = g_match_info_fetch (match, 2);
  *year = atoi (digits);
  return g_match_info_fetch (match, 1);
}

/* "q2", "quy ii", "quy 2" (folded, year split off): 1 to 4, or 0. */
static int
parse_quarter (const char *text)
{
  static const char * const numerals[] = { "i", "ii", "iii", "iv" };
  g_autoptr(GRegex) regex = g_regex_new ("^(?:q|quy)\\s*([1-4]|i|ii|iii|iv)\\.?$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;

  if (!g_regex_match (regex, text, 0, &match))
    return 0;
  number = g_match_info_fetch (match, 1);
  for (int i = 0; i < 4; i++)
    if (g_str_equal (number, numerals[i]))
      return i + 1;
  return atoi (number);
}

/* "06" with a year, or "thang 6" with or without one: 1 to 12, or 0. */
static int
parse_month (const char *text,
             gboolean    has_year)
{
  g_autoptr(GRegex) regex = g_regex_new ("^(thang\\s*)?([0-9]{1,2})$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *word = NULL;
  g_autofree char *number = NULL;
  int month;

  if (!g_regex_match (regex, text, 0, &match))
    return 0;
  word = g_match_info_fetch (match, 1);
  number = g_match_info_fetch (match, 2);
  month = atoi (number);
  if ((*word == '\0' && !has_year) || month < 1 || month > 12)
    return 0;
  return month;
}

/* A quarter, a month or ongoing, read from @folded; FALSE if none. */
static gboolean
parse_period (const char        *folded,
              int                plan_year,
              ParImportDeadline *deadline,
              int               *year)
{
  g_autofree char *rest = split_year (folded, year);
  int month;

  for (guint i = 0; i < G_N_ELEMENTS (ongoing_words); i++)
    if (g_str_equal (folded, ongoing_words[i]))
      {
        deadline->kind = PAR_DEADLINE_ONGOING;
        return TRUE;
      }
  if ((deadline->quarter = parse_quarter (rest)) > 0)
    {
      deadline->kind = PAR_DEADLINE_QUARTER;
      return TRUE;
    }
  month = parse_month (rest, *year != 0);
  if (month == 0 || (*year != 0 && (*year < PAR_PLAN_MIN_YEAR || *year > PAR_PLAN_MAX_YEAR)))
    return FALSE;
  if (*year == 0)
    *year = plan_year;
  deadline->kind = PAR_DEADLINE_DATE;
  g_date_set_dmy (&deadline->date, g_date_get_days_in_month ((GDateMonth) month, (GDateYear) *year),
                  (GDateMonth) month, (GDateYear) *year);
  return TRUE;
}

/* A deadline cell: a date, a quarter (of the plan's year), a month (its
 * last day) or ongoing. NULL if it is one, else what is wrong with it. */
char *
par_import_parse_deadline (const char        *text,
                           int                plan_year,
                           ParImportDeadline *deadline)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  g_autofree char *folded = NULL;
  int year = 0;

  g_date_clear (&deadline->date, 1);
  deadline->quarter = 0;
  if (*clean == '\0')
    return g_strdup (_("the deadline is missing"));
  if (par_plan_parse_date (clean, &deadline->date))
    {
      deadline->kind = PAR_DEADLINE_DATE;
      return NULL;
    }
  folded = par_text_fold_words (clean);
  if (!parse_period (folded, plan_year, deadline, &year))
    return g_strdup_printf (_("“%s” is not a deadline: write a date (30/06/%d), a quarter (Quý II), "
                              "a month (Tháng 6/%d) or “Thường xuyên”"), clean, plan_year, plan_year);
  if (deadline->kind == PAR_DEADLINE_QUARTER && year != 0 && year != plan_year)
    return g_strdup_printf (_("the deadline “%s” is a quarter of %d, but the plan is for %d"),
                            clean, year, plan_year);
  return NULL;
}

/* Units ------------------------------------------------------------------ */

struct _ParImportUnits
{
  GHashTable *by_code;   /* folded code → GArray of gint64 ids */
  GHashTable *by_name;   /* folded name → GArray of gint64 ids */
};

static void
index_unit (GHashTable *table,
            const char *text,
            gint64      id)
{
  char *folded = par_text_fold_words (text);
  GArray *ids = g_hash_table_lookup (table, folded);

  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (table, folded, ids);
    }
  else
    g_free (folded);
  g_array_append_val (ids, id);
}

/* Every unit of the file, by code and by name. */
ParImportUnits *
par_import_units_load (ParDatabase  *db,
                       GError      **error)
{
  g_autoptr(GPtrArray) list = par_directory_list_all_units (db, error);
  ParImportUnits *units;

  if (list == NULL)
    return NULL;
  units = g_new0 (ParImportUnits, 1);
  units->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  units->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < list->len; i++)
    {
      ParUnit *unit = g_ptr_array_index (list, i);

      index_unit (units->by_code, par_unit_get_code (unit), par_unit_get_id (unit));
      index_unit (units->by_name, par_unit_get_name (unit), par_unit_get_id (unit));
    }
  return units;
}

void
par_import_units_free (ParImportUnits *units)
{
  if (units == NULL)
    return;
  g_hash_table_unref (units->by_code);
  g_hash_table_unref (units->by_name);
  g_free (units);
}

/* The unit @text names by its code or, failing that, its name; 0 if none
 * does, or if several share the name (*@n_named tells how many, else 0). */
gint64
par_import_units_find (ParImportUnits *units,
                       const char     *text,
                       guint          *n_named)
{
  g_autofree char *folded = par_text_fold_words (text);
  GArray *ids = g_hash_table_lookup (units->by_code, folded);

  *n_named = 0;
  if (ids == NULL)
    ids = g_hash_table_lookup (units->by_name, folded);
  if (ids == NULL || *folded == '\0')
    return 0;
  if (ids->len > 1)
    {
      *n_named = ids->len;
      return 0;
    }
  return g_array_index (ids, gint64, 0);
}
