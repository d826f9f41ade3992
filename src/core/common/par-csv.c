/* par-csv.c: reading the records of a CSV file as spreadsheets save it (RFC 4180), within limits
 *
 * A quoted cell may hold separators, doubled quotes and line breaks; lines
 * end in CRLF or LF. Each record knows the line it starts on, so problems
 * can be told by line even after a cell of several lines. Cells are kept
 * as written (not trimmed); the caller judges them. The limits keep a
 * hostile file from taking the memory: a cell stops growing at its limit
 * and a record at its number of cells, each flagged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "par-csv.h"

#define DEFAULT_MAX_CELLS 256
#define DEFAULT_MAX_CELL_BYTES (64 * 1024)

/* Moves past a UTF-8 byte-order mark; TRUE if there was one. */
gboolean
par_csv_skip_bom (const char **text,
                  gsize       *length)
{
  if (*length >= 3 && memcmp (*text, "\xef\xbb\xbf", 3) == 0)
    {
      *text += 3;
      *length -= 3;
      return TRUE;
    }
  return FALSE;
}

/* ';' if the first line has a ';' outside quotes (Excel and LibreOffice
 * where the decimal mark is a comma), else ','. The first line ends at the
 * first line break outside quotes. */
char
par_csv_guess_separator (const char *text,
                         gsize       length)
{
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted && text[i] == '\n')
        break;
      else if (!quoted && text[i] == ';')
        return ';';
    }
  return ',';
}

void
par_csv_cursor_init (ParCsvCursor *cursor,
                     const char   *text,
                     gsize         length,
                     char          separator)
{
  cursor->p = text;
  cursor->end = text + length;
  cursor->separator = separator;
  cursor->next_line = 1;
  cursor->max_cells = DEFAULT_MAX_CELLS;
  cursor->max_cell_bytes = DEFAULT_MAX_CELL_BYTES;
}

/* Appends @c to the cell unless it is full. */
static void
cell_append (ParCsvCursor *cursor,
             GString      *cell,
             char          c,
             ParCsvFlags  *flags)
{
  if (cell->len < cursor->max_cell_bytes)
    g_string_append_c (cell, c);
  else
    *flags |= PAR_CSV_CELL_TOO_LONG;
}

/* Ends the cell: kept unless the record is full. */
static void
end_cell (ParCsvCursor *cursor,
          GPtrArray    *record,
          GString      *cell,
          ParCsvFlags  *flags)
{
  if (record->len < cursor->max_cells)
    g_ptr_array_add (record, g_strndup (cell->str, cell->len));
  else
    *flags |= PAR_CSV_TOO_MANY_CELLS;
  g_string_truncate (cell, 0);
}

/* One character inside quotes, at cursor->p; advances past what it read. */
static void
read_quoted (ParCsvCursor *cursor,
             GString      *cell,
             gboolean     *quoted,
             ParCsvFlags  *flags)
{
  const char *p = cursor->p;

  if (*p == '"' && p + 1 < cursor->end && p[1] == '"')
    {
      cell_append (cursor, cell, '"', flags);
      cursor->p += 2;
      return;
    }
  if (*p == '"')
    *quoted = FALSE;
  else if (*p == '\r' && p + 1 < cursor->end && p[1] == '\n')
    ;   /* a line break inside a cell, written the Windows way: kept as \n */
  else
    {
      if (*p == '\n')
        cursor->next_line++;
      cell_append (cursor, cell, *p, flags);
    }
  cursor->p++;
}

/* The next record, its cells as written, or NULL at the end of the text;
 * *@line the line it starts on, *@flags what went wrong in it. */
GPtrArray *
par_csv_next_record (ParCsvCursor *cursor,
                     guint        *line,
                     ParCsvFlags  *flags)
{
  g_autoptr(GPtrArray) record = NULL;
  g_autoptr(GString) cell = NULL;
  gboolean quoted = FALSE;

  *flags = 0;
  *line = cursor->next_line;
  if (cursor->p >= cursor->end)
    return NULL;
  record = g_ptr_array_new_with_free_func (g_free);
  cell = g_string_new (NULL);
  while (cursor->p < cursor->end)
    {
      char c = *cursor->p;

      if (quoted)
        {
          read_quoted (cursor, cell, &quoted, flags);
          continue;
        }
      cursor->p++;
      if (c == '"' && cell->len == 0)
        quoted = TRUE;
      else if (c == cursor->separator)
        end_cell (cursor, record, cell, flags);
      else if (c == '\n')
        {
          cursor->next_line++;
          break;
        }
      else if (!(c == '\r' && cursor->p < cursor->end && *cursor->p == '\n'))
        cell_append (cursor, cell, c, flags);
    }
  if (quoted)
    *flags |= PAR_CSV_UNTERMINATED;
  end_cell (cursor, record, cell, flags);
  return g_steal_pointer (&record);
}

/* TRUE when every cell is empty or spaces: a blank row. */
gboolean
par_csv_record_is_blank (GPtrArray *record)
{
  for (guint i = 0; i < record->len; i++)
    {
      const char *cell = g_ptr_array_index (record, i);

      for (; *cell != '\0'; cell++)
        if (!g_ascii_isspace (*cell))
          return FALSE;
    }
  return TRUE;
}
