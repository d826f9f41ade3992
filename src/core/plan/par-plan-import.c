/* par-plan-import.c: a CSV file of tasks read into a plan, every problem told by line, all or nothing
 *
 * The file is what a spreadsheet saves as CSV: UTF-8 with or without a
 * byte-order mark, `;` or `,` between cells, a header naming the columns in
 * English or Vietnamese, heading rows I to VII that give the rows below
 * them their area and their numbering. Reading finds every problem of the
 * file, each with the line its row starts on; writing adds the tasks after
 * the plan's own in one transaction, and only for a file without problems.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "par-csv.h"
#include "par-database-private.h"
#include "par-plan-import-private.h"
#include "par-plan-import.h"
#include "par-plans-private.h"

struct _ParPlanImport
{
  gint64     plan_id;
  int        year;
  GPtrArray *tasks;      /* of ParPlanImportTask */
  GPtrArray *problems;   /* of ParPlanImportProblem */
};

/* What reading a file needs besides the import it fills. */
typedef struct
{
  ParPlanImport  *import;
  ParImportUnits *units;
  GHashTable     *plan_codes;   /* the codes the plan has */
  GHashTable     *file_codes;   /* code → the line that gave it */
  int             columns[PAR_N_IMPORT_COLUMNS];   /* cell index, or -1 */
  guint           n_header;
  gboolean        under_heading;
  ParArea         heading;
} Reader;

static void
problem_free (gpointer data)
{
  ParPlanImportProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

static void
task_free (gpointer data)
{
  ParPlanImportTask *task = data;

  g_free ((char *) task->spec.code);
  g_free ((char *) task->spec.title);
  g_free ((char *) task->spec.output);
  g_free ((gint64 *) task->spec.coordinating_ids);
  g_free (task);
}

void
par_plan_import_free (ParPlanImport *import)
{
  if (import == NULL)
    return;
  g_ptr_array_unref (import->tasks);
  g_ptr_array_unref (import->problems);
  g_free (import);
}

/* Adds a problem on @line; past the limit, one last line says so. */
G_GNUC_PRINTF (3, 4)
static void
add_problem (Reader     *reader,
             guint       line,
             const char *format,
             ...)
{
  GPtrArray *problems = reader->import->problems;
  ParPlanImportProblem *problem;
  va_list args;

  if (problems->len > PAR_PLAN_IMPORT_MAX_PROBLEMS)
    return;
  problem = g_new0 (ParPlanImportProblem, 1);
  problem->line = line;
  if (problems->len == PAR_PLAN_IMPORT_MAX_PROBLEMS)
    problem->message = g_strdup_printf (_("more problems follow; the first %d are listed"),
                                        PAR_PLAN_IMPORT_MAX_PROBLEMS);
  else
    {
      va_start (args, format);
      problem->message = g_strdup_vprintf (format, args);
      va_end (args);
    }
  g_ptr_array_add (problems, problem);
}

/* The line of @text that @p is on. */
static guint
line_of (const char *text,
         const char *p)
{
  guint line = 1;

  for (; text < p; text++)
    if (*text == '\n')
      line++;
  return line;
}

/* TRUE if the bytes can be read as CSV text at all: not too large, no NUL
 * byte, UTF-8. */
static gboolean
check_text (Reader     *reader,
            const char *text,
            gsize       length)
{
  const char *bad = NULL;

  if (length > PAR_PLAN_IMPORT_MAX_BYTES)
    {
      add_problem (reader, 1, _("the file is larger than %d MB: a plan’s tasks take far less"),
                   PAR_PLAN_IMPORT_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  if (!g_utf8_validate_len (text, length, &bad) && *bad == '\0')
    {
      add_problem (reader, line_of (text, bad), _("the file holds a NUL byte: it is not a CSV file"));
      return FALSE;
    }
  if (bad != NULL && bad < text + length)
    {
      add_problem (reader, line_of (text, bad),
                   _("the file is not UTF-8 text: in the spreadsheet, save it as “CSV UTF-8” "
                     "(Excel) or as Text CSV with the character set Unicode (UTF-8)"));
      return FALSE;
    }
  return TRUE;
}

/* What the tokenizer flagged in a record; FALSE if reading must stop. */
static gboolean
check_flags (Reader      *reader,
             guint        line,
             ParCsvFlags  flags)
{
  if (flags & PAR_CSV_TOO_MANY_CELLS)
    add_problem (reader, line, _("the row has more than %d cells"), PAR_PLAN_IMPORT_MAX_COLUMNS);
  if (flags & PAR_CSV_CELL_TOO_LONG)
    add_problem (reader, line, _("a cell holds more than %d bytes"), PAR_PLAN_IMPORT_MAX_CELL_BYTES);
  if (flags & PAR_CSV_UNTERMINATED)
    {
      add_problem (reader, line, _("a quoted cell is never closed: a \" is missing"));
      return FALSE;
    }
  return TRUE;
}

/* Finds each column's cell in the header and reports what is wrong with it. */
static void
read_header (Reader    *reader,
             GPtrArray *header)
{
  for (guint c = 0; c < PAR_N_IMPORT_COLUMNS; c++)
    reader->columns[c] = -1;
  reader->n_header = header->len;
  for (guint i = 0; i < header->len; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (g_ptr_array_index (header, i)));
      ParImportColumn column;

      if (*name == '\0')
        continue;   /* allowed while every row leaves it empty */
      if (!par_import_column_parse (name, &column))
        add_problem (reader, 1, _("the header “%s” names no column; the columns are code, title, area, "
                                  "lead, coordinating, output and deadline, or their Vietnamese names"), name);
      else if (reader->columns[column] >= 0)
        add_problem (reader, 1, _("“%s” and “%s” both name the column of %s"),
                     g_strstrip ((char *) g_ptr_array_index (header, reader->columns[column])), name,
                     par_import_column_describe (column));
      else
        reader->columns[column] = (int) i;
    }
  for (guint c = 0; c < PAR_N_IMPORT_COLUMNS; c++)
    if (reader->columns[c] < 0 && par_import_column_required (c))
      add_problem (reader, 1, _("the header has no column for %s: add one headed “%s” or “%s”"),
                   par_import_column_describe (c), par_import_column_header (c, FALSE),
                   par_import_column_header (c, TRUE));
}

/* The cell of @column in @record, trimmed in place; "" if it has none. */
static const char *
cell (Reader          *reader,
      GPtrArray       *record,
      ParImportColumn  column)
{
  int i = reader->columns[column];

  if (i < 0 || (guint) i >= record->len)
    return "";
  return g_strstrip ((char *) g_ptr_array_index (record, i));
}

static gboolean
has_column (Reader          *reader,
            ParImportColumn  column)
{
  return reader->columns[column] >= 0;
}

/* Cells beyond the header, or under a column without a header, must be empty. */
static void
check_width (Reader    *reader,
             guint      line,
             GPtrArray *record,
             GPtrArray *header)
{
  for (guint i = 0; i < record->len; i++)
    {
      const char *text = g_strstrip ((char *) g_ptr_array_index (record, i));

      if (*text == '\0')
        continue;
      if (i >= reader->n_header)
        {
          add_problem (reader, line, _("the row has %u cells, but the header has %u"), record->len, reader->n_header);
          return;
        }
      if (*g_strstrip ((char *) g_ptr_array_index (header, i)) == '\0')
        {
          add_problem (reader, line, _("cell %u holds “%s”, but its column has no header"), i + 1, text);
          return;
        }
    }
}

/* A heading row ("II", "CẢI CÁCH THỂ CHẾ", every other cell empty) opens
 * its area's section; TRUE if @record is one. */
static gboolean
read_heading (Reader    *reader,
              GPtrArray *record)
{
  ParArea area;

  if (!par_import_parse_numeral (cell (reader, record, PAR_IMPORT_COLUMN_CODE), &area))
    return FALSE;
  for (guint i = 0; i < record->len; i++)
    if ((int) i != reader->columns[PAR_IMPORT_COLUMN_CODE] && (int) i != reader->columns[PAR_IMPORT_COLUMN_TITLE]
        && *g_strstrip ((char *) g_ptr_array_index (record, i)) != '\0')
      return FALSE;
  reader->under_heading = TRUE;
  reader->heading = area;
  return TRUE;
}

/* The row's area: its cell, else its heading's. */
static void
read_area (Reader            *reader,
           guint              line,
           const char        *text,
           ParPlanImportTask *task)
{
  if (*text == '\0' && reader->under_heading)
    task->spec.area = reader->heading;
  else if (*text == '\0')
    add_problem (reader, line, _("the area is missing (or put the row under a heading row I to VII)"));
  else if (!par_area_parse (text, &task->spec.area))
    add_problem (reader, line, _("unknown area “%s”"), text);
}

/* The unit @text names, or 0 with the problem told. */
static gint64
read_unit (Reader     *reader,
           guint       line,
           const char *text,
           gboolean    lead)
{
  guint n_named = 0;
  gint64 id = par_import_units_find (reader->units, text, &n_named);

  if (id == 0 && n_named > 1)
    add_problem (reader, line, _("%u units are named “%s”: write the unit’s code"), n_named, text);
  else if (id == 0 && lead)
    add_problem (reader, line, _("unknown lead unit “%s”"), text);
  else if (id == 0)
    add_problem (reader, line, _("unknown coordinating unit “%s”"), text);
  return id;
}

/* The lead unit and the coordinating ones (separated by `,`, `;` or line
 * breaks), each named once. */
static void
read_units (Reader            *reader,
            guint              line,
            const char        *lead,
            const char        *coordinating,
            ParPlanImportTask *task)
{
  g_auto(GStrv) names = g_strsplit_set (coordinating, ",;\n", -1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (*lead == '\0')
    add_problem (reader, line, _("the lead unit is missing"));
  else
    task->spec.lead_id = read_unit (reader, line, lead, TRUE);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      gboolean twice = FALSE;
      gint64 id;

      if (*name == '\0' || (id = read_unit (reader, line, name, FALSE)) == 0)
        continue;
      twice = id == task->spec.lead_id;
      for (guint j = 0; j < ids->len && !twice; j++)
        twice = g_array_index (ids, gint64, j) == id;
      if (twice)
        add_problem (reader, line, _("the unit “%s” is named twice in the row: a task has one lead unit, "
                                     "and each coordinating unit once"), name);
      else
        g_array_append_val (ids, id);
    }
  task->spec.n_coordinating = ids->len;
  task->spec.coordinating_ids = (const gint64 *) (gpointer) g_array_free (g_steal_pointer (&ids), FALSE);
}

/* The row's code as it becomes ("1" under II is "II.1"), unique in the
 * file and the plan; empty for a default code, given once all are read. */
static void
read_code (Reader            *reader,
           guint              line,
           const char        *text,
           ParPlanImportTask *task)
{
  char *code = reader->under_heading ? par_import_number_code (text, reader->heading) : NULL;
  gpointer first;

  if (code == NULL)
    code = g_strdup (text);
  task->spec.code = code;
  if (*code == '\0')
    return;
  if (g_hash_table_contains (reader->plan_codes, code))
    add_problem (reader, line, _("the plan already has a task with code “%s”"), code);
  else if (g_hash_table_lookup_extended (reader->file_codes, code, NULL, &first))
    add_problem (reader, line, _("the code “%s” is used twice in the file (first on line %u)"), code,
                 GPOINTER_TO_UINT (first));
  else
    g_hash_table_insert (reader->file_codes, g_strdup (code), GUINT_TO_POINTER (line));
}

/* One row of the file: a heading, or a task kept if it has no problem. */
static void
read_row (Reader    *reader,
          guint      line,
          GPtrArray *record,
          GPtrArray *header)
{
  g_autofree ParPlanImportTask *task = g_new0 (ParPlanImportTask, 1);
  guint n_problems = reader->import->problems->len;
  ParImportDeadline deadline = { .kind = PAR_DEADLINE_ONGOING };
  g_autofree char *wrong = NULL;

  g_date_clear (&deadline.date, 1);
  check_width (reader, line, record, header);
  if (read_heading (reader, record))
    return;
  task->line = line;
  task->spec.title = g_strdup (cell (reader, record, PAR_IMPORT_COLUMN_TITLE));
  task->spec.output = g_strdup (cell (reader, record, PAR_IMPORT_COLUMN_OUTPUT));
  /* A missing column is told once, on the header's line, not on every row. */
  if (*task->spec.title == '\0' && has_column (reader, PAR_IMPORT_COLUMN_TITLE))
    add_problem (reader, line, _("the title is empty"));
  if (has_column (reader, PAR_IMPORT_COLUMN_AREA))
    read_area (reader, line, cell (reader, record, PAR_IMPORT_COLUMN_AREA), task);
  if (has_column (reader, PAR_IMPORT_COLUMN_LEAD))
    read_units (reader, line, cell (reader, record, PAR_IMPORT_COLUMN_LEAD),
                cell (reader, record, PAR_IMPORT_COLUMN_COORDINATING), task);
  if (has_column (reader, PAR_IMPORT_COLUMN_DEADLINE)
      && (wrong = par_import_parse_deadline (cell (reader, record, PAR_IMPORT_COLUMN_DEADLINE),
                                             reader->import->year, &deadline)) != NULL)
    add_problem (reader, line, "%s", wrong);
  else
    {
      task->spec.deadline_kind = deadline.kind;
      task->spec.deadline_date = deadline.date;
      task->spec.deadline_quarter = deadline.quarter;
    }
  read_code (reader, line, cell (reader, record, PAR_IMPORT_COLUMN_CODE), task);
  if (reader->import->problems->len == n_problems)
    g_ptr_array_add (reader->import->tasks, g_steal_pointer (&task));
  else
    task_free (g_steal_pointer (&task));
}

/* Every record after the header, up to the end or a problem that stops
 * the reading (an unterminated quote, too many rows). */
static void
read_rows (Reader       *reader,
           ParCsvCursor *cursor,
           GPtrArray    *header)
{
  guint n_rows = 0;

  for (;;)
    {
      ParCsvFlags flags;
      guint line;
      g_autoptr(GPtrArray) record = par_csv_next_record (cursor, &line, &flags);

      if (record == NULL)
        break;
      if (!check_flags (reader, line, flags))
        break;
      if (par_csv_record_is_blank (record))
        continue;
      if (++n_rows > PAR_PLAN_IMPORT_MAX_ROWS)
        {
          add_problem (reader, line, _("the file has more than %d rows; import it in parts"),
                       PAR_PLAN_IMPORT_MAX_ROWS);
          break;
        }
      read_row (reader, line, record, header);
    }
}

/* Reads the bytes: the header, then the rows. */
static void
read_text (Reader     *reader,
           const char *text,
           gsize       length)
{
  ParCsvCursor cursor;
  ParCsvFlags flags;
  guint line;
  g_autoptr(GPtrArray) header = NULL;

  par_csv_skip_bom (&text, &length);
  if (!check_text (reader, text, length))
    return;
  par_csv_cursor_init (&cursor, text, length, par_csv_guess_separator (text, length));
  cursor.max_cells = PAR_PLAN_IMPORT_MAX_COLUMNS;
  cursor.max_cell_bytes = PAR_PLAN_IMPORT_MAX_CELL_BYTES;
  header = par_csv_next_record (&cursor, &line, &flags);
  if (header == NULL || par_csv_record_is_blank (header))
    {
      add_problem (reader, 1, _("the file is empty: its first line must be the header, "
                                "such as code,title,area,lead,coordinating,output,deadline"));
      return;
    }
  if (!check_flags (reader, line, flags))
    return;
  read_header (reader, header);
  read_rows (reader, &cursor, header);
}

/* Gives the tasks without a code the default one, after every code the
 * plan and the file give: a default code never takes a later row's code. */
static void
give_default_codes (Reader *reader)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer code;

  g_hash_table_iter_init (&iter, reader->plan_codes);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    g_hash_table_add (taken, code);
  g_hash_table_iter_init (&iter, reader->file_codes);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    g_hash_table_add (taken, code);
  for (guint i = 0; i < reader->import->tasks->len; i++)
    {
      ParPlanImportTask *task = g_ptr_array_index (reader->import->tasks, i);

      if (*task->spec.code != '\0')
        continue;
      g_free ((char *) task->spec.code);
      task->spec.code = par_plan_default_code (task->spec.area, taken);
      g_hash_table_add (taken, (gpointer) task->spec.code);
    }
}

/* Reads @contents, a CSV file of tasks for the plan @plan_id: the tasks it
 * holds and every problem it has (par_plan_import_get_problem()). NULL,
 * @error set, only when the file cannot be read: NOT_FOUND for a plan it
 * does not hold. */
ParPlanImport *
par_plan_import_read (ParDatabase  *db,
                      gint64        plan_id,
                      GBytes       *contents,
                      GError      **error)
{
  g_autoptr(ParPlan) plan = NULL;
  g_autoptr(ParImportUnits) units = NULL;
  g_autoptr(GHashTable) plan_codes = NULL;
  g_autoptr(GHashTable) file_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ParPlanImport *import;
  Reader reader = { 0 };
  gsize length = 0;
  const char *text = g_bytes_get_data (contents, &length);

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (contents != NULL, NULL);

  if ((plan = par_plans_get (db, plan_id, error)) == NULL
      || (units = par_import_units_load (db, error)) == NULL
      || (plan_codes = par_plans_load_codes (db, plan_id, error)) == NULL)
    return NULL;
  import = g_new0 (ParPlanImport, 1);
  import->plan_id = plan_id;
  import->year = par_plan_get_year (plan);
  import->tasks = g_ptr_array_new_with_free_func (task_free);
  import->problems = g_ptr_array_new_with_free_func (problem_free);
  reader = (Reader) { .import = import, .units = units, .plan_codes = plan_codes, .file_codes = file_codes };
  read_text (&reader, text != NULL ? text : "", length);
  give_default_codes (&reader);
  return import;
}

guint
par_plan_import_get_n_problems (ParPlanImport *import)
{
  return import->problems->len;
}

const ParPlanImportProblem *
par_plan_import_get_problem (ParPlanImport *import,
                             guint          index)
{
  g_return_val_if_fail (index < import->problems->len, NULL);
  return g_ptr_array_index (import->problems, index);
}

guint
par_plan_import_get_n_tasks (ParPlanImport *import)
{
  return import->tasks->len;
}

const ParPlanImportTask *
par_plan_import_get_task (ParPlanImport *import,
                          guint          index)
{
  g_return_val_if_fail (index < import->tasks->len, NULL);
  return g_ptr_array_index (import->tasks, index);
}

/* Adds the tasks after the plan's own, in file order, in one transaction:
 * all of them or none. Their ids (gint64), in file order, or NULL with
 * @error set: REFUSED for a file with problems or a code the plan took
 * since it was read. */
GArray *
par_plan_import_write (ParDatabase    *db,
                       ParPlanImport  *import,
                       GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(ParPlan) plan = NULL;
  g_autoptr(GHashTable) taken = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  if (import->problems->len > 0)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                   _("The file has problems: nothing was imported."));
      return NULL;
    }
  if (!par_database_begin (db, error))
    return NULL;
  if ((plan = par_plans_get (db, import->plan_id, error)) != NULL)
    taken = par_plans_load_codes (db, import->plan_id, error);
  for (guint i = 0; taken != NULL && i < import->tasks->len; i++)
    {
      ParPlanImportTask *task = g_ptr_array_index (import->tasks, i);
      gint64 id = par_plans_insert_task (db, import->plan_id, &task->spec, 0, taken, error);

      if (id == 0)
        break;
      g_array_append_val (ids, id);
    }
  if (taken == NULL || ids->len < import->tasks->len || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return NULL;
    }
  par_database_emit_changed (db, PAR_CHANGE_PLANS);
  return g_steal_pointer (&ids);
}
