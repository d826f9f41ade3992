/* par-csv.h: reading the records of a CSV file as spreadsheets save it (RFC 4180), within limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What went wrong in one record; the record is still returned. */
typedef enum
{
  PAR_CSV_UNTERMINATED   = 1 << 0,   /* a quoted cell runs to the end of the file */
  PAR_CSV_TOO_MANY_CELLS = 1 << 1,   /* more than max_cells: the rest dropped */
  PAR_CSV_CELL_TOO_LONG  = 1 << 2,   /* a cell over max_cell_bytes: its end dropped */
} ParCsvFlags;

/* Where the reading stands: set up by par_csv_cursor_init(); the limits
 * may be changed before the first record. */
typedef struct
{
  const char *p;
  const char *end;
  char        separator;
  guint       next_line;        /* the line the next record starts on, from 1 */
  guint       max_cells;
  gsize       max_cell_bytes;
} ParCsvCursor;

gboolean   par_csv_skip_bom        (const char  **text,
                                    gsize        *length);
char       par_csv_guess_separator (const char   *text,
                                    gsize         length);
void       par_csv_cursor_init     (ParCsvCursor *cursor,
                                    const char   *text,
                                    gsize         length,
                                    char          separator);
GPtrArray *par_csv_next_record     (ParCsvCursor *cursor,
                                    guint        *line,
                                    ParCsvFlags  *flags);
gboolean   par_csv_record_is_blank (GPtrArray    *record);

G_END_DECLS
