/* par-plan-report-print.c: the quarterly report drawn for printing: its three tables over as many pages as they take
 *
 * The report's numbers come from par_plan_report_compute(), as the
 * workbook's do. When printing begins, every table row is measured with
 * Pango for the page's width and placed on a page; a table that goes on
 * to the next page repeats its header row there. Each page is numbered
 * "Page 2 of 3" at its foot. Numbers are written in the locale's way
 * (decimal commas in Vietnamese), dates as dd/mm/yyyy as in the workbook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-plan-report-print.h"

#define FONT          "Sans 9"
#define FONT_BOLD     "Sans Bold 9"
#define FONT_TITLE    "Sans Bold 13"
#define FONT_SUBTITLE "Sans 10"
#define FONT_HEADING  "Sans Bold 11"
#define CELL_PAD      3.0    /* points around a cell's text */
#define GAP           12.0   /* points between the title, the headings and the tables */
#define FOOTER        18.0   /* points kept at the foot for the page number */

/* One table: its columns (relative widths, right-aligned or not) and its
 * rows, the first being the header. */
typedef struct
{
  guint       n_columns;
  double      widths[10];
  gboolean    right[10];
  GPtrArray  *rows;      /* GStrv; the header first */
  GArray     *bold;      /* gboolean for each row */
} Table;

typedef enum
{
  ITEM_TITLE,      /* the report's title lines */
  ITEM_HEADING,    /* a table's heading */
  ITEM_ROW,        /* a row of a table (0: its header) */
  ITEM_NOTE,       /* a line below a heading instead of an empty table */
} ItemKind;

/* Where something is drawn: its page and its top. */
typedef struct
{
  ItemKind    kind;
  int         page;
  double      y;
  double      height;
  Table      *table;
  guint       row;
  const char *text;
} Item;

typedef struct
{
  ParPlanReport *report;
  Table          tables[3];
  char          *headings[3];
  char          *note;         /* NULL: something was overdue */
  char          *title;
  GArray        *items;        /* Item, in page order */
  int            n_pages;
} Printing;

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->bold, g_array_unref);
}

static void
printing_free (Printing *p)
{
  for (guint i = 0; i < G_N_ELEMENTS (p->tables); i++)
    {
      table_clear (&p->tables[i]);
      g_free (p->headings[i]);
    }
  g_clear_pointer (&p->items, g_array_unref);
  g_free (p->note);
  g_free (p->title);
  par_plan_report_free (p->report);
  g_free (p);
}

static void
table_init (Table        *table,
            const double *widths,
            guint         n_columns)
{
  table->n_columns = n_columns;
  for (guint c = 0; c < n_columns; c++)
    {
      table->widths[c] = widths[c];
      table->right[c] = c >= 2;
    }
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->bold = g_array_new (FALSE, FALSE, sizeof (gboolean));
}

/* Takes @cells. */
static void
table_add (Table    *table,
           GStrv     cells,
           gboolean  bold)
{
  g_ptr_array_add (table->rows, cells);
  g_array_append_val (table->bold, bold);
}

static char *
format_day (const GDate *date)
{
  return g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (date), g_date_get_month (date), g_date_get_year (date));
}

/* @builder's strings as a GStrv; @builder freed. */
static GStrv
end_cells (GPtrArray *builder)
{
  g_ptr_array_add (builder, NULL);
  return (GStrv) g_ptr_array_free (builder, FALSE);
}

/* The cells of a row of counts, in the workbook's order. */
static GStrv
count_cells (const ParPlanReportRow *row)
{
  static const ParTaskStatus order[] = {
    PAR_TASK_STATUS_DONE, PAR_TASK_STATUS_DONE_LATE, PAR_TASK_STATUS_IN_PROGRESS, PAR_TASK_STATUS_NOT_STARTED,
    PAR_TASK_STATUS_OVERDUE, PAR_TASK_STATUS_CANCELLED,
  };
  GPtrArray *builder = g_ptr_array_new ();

  g_ptr_array_add (builder, g_strdup (row->number));
  g_ptr_array_add (builder, g_strdup (row->name));
  g_ptr_array_add (builder, g_strdup_printf ("%u", row->tasks));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_ptr_array_add (builder, g_strdup_printf ("%u", row->n[order[i]]));
  g_ptr_array_add (builder, par_plan_format_tenths (row->completed_tenths));
  return end_cells (builder);
}

/* A table of counts: by area (@second "Area") or by lead unit. */
static void
make_count_table (Table                  *table,
                  const char             *second,
                  const ParPlanReportRow *rows,
                  guint                   n_rows,
                  const ParPlanReportRow *total)
{
  static const double widths[] = { 5, 40, 8, 10, 10, 10, 10, 8, 8, 11 };
  const char *header[] = {
    C_("plan report", "No."), second, C_("plan report", "Tasks"), C_("plan report", "Done"),
    C_("plan report", "Done late"), C_("plan report", "In progress"), C_("plan report", "Not started"),
    C_("plan report", "Overdue"), C_("plan report", "Cancelled"), C_("plan report", "Completed (%)"), NULL,
  };

  table_init (table, widths, G_N_ELEMENTS (widths));
  table_add (table, g_strdupv ((GStrv) header), TRUE);
  for (guint i = 0; i < n_rows; i++)
    table_add (table, count_cells (&rows[i]), FALSE);
  table_add (table, count_cells (total), TRUE);
}

static void
make_overdue_table (Table         *table,
                    ParPlanReport *report)
{
  static const double widths[] = { 5, 8, 45, 25, 10, 9, 9 };
  const char *header[] = {
    C_("plan report", "No."), C_("plan report", "Code"), C_("plan report", "Task"), C_("plan report", "Lead unit"),
    C_("plan report", "Deadline"), C_("plan report", "Days overdue"), C_("plan report", "Progress (%)"), NULL,
  };

  table_init (table, widths, G_N_ELEMENTS (widths));
  table->right[2] = table->right[3] = FALSE;
  table_add (table, g_strdupv ((GStrv) header), TRUE);
  for (guint i = 0; i < report->overdue->len; i++)
    {
      ParPlanReportOverdue *o = &g_array_index (report->overdue, ParPlanReportOverdue, i);
      GPtrArray *builder = g_ptr_array_new ();

      g_ptr_array_add (builder, g_strdup_printf ("%u", i + 1));
      g_ptr_array_add (builder, g_strdup (o->code));
      g_ptr_array_add (builder, g_strdup (o->title));
      g_ptr_array_add (builder, g_strdup (o->lead));
      g_ptr_array_add (builder, format_day (&o->deadline));
      g_ptr_array_add (builder, g_strdup_printf ("%d", o->days_overdue));
      g_ptr_array_add (builder, g_strdup_printf ("%u", o->percent));
      table_add (table, end_cells (builder), FALSE);
    }
}

static Printing *
printing_new (ParPlanReport *report)
{
  Printing *p = g_new0 (Printing, 1);
  g_autofree char *day = format_day (&report->as_of);

  p->report = report;
  /* Translators: the title of a quarterly report workbook: the plan's title, then the quarter
   * ("Quarter II 2026, as of 30/06/2026") */
  p->title = g_strdup_printf (C_("plan report", "Quarterly report: %s, %s"), report->plan_title, report->period);
  p->headings[0] = g_strdup (C_("sheet name", "By area"));
  p->headings[1] = g_strdup (C_("sheet name", "By lead unit"));
  p->headings[2] = g_strdup (C_("sheet name", "Overdue"));
  make_count_table (&p->tables[0], C_("plan report", "Area"), report->areas, PAR_N_AREAS, &report->area_total);
  make_count_table (&p->tables[1], C_("plan report", "Lead unit"), (ParPlanReportRow *) report->leads->data,
                    report->leads->len, &report->lead_total);
  make_overdue_table (&p->tables[2], report);
  if (report->overdue->len == 0)
    /* Translators: below the heading of the overdue tasks in the printed quarterly report; %s is a date */
    p->note = g_strdup_printf (_("No task was overdue on %s."), day);
  return p;
}

/* Measuring and drawing ---------------------------------------------------- */

static PangoLayout *
make_layout (GtkPrintContext *context,
             const char      *font,
             const char      *text,
             double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1)));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

/* The width of column @c on a page @page_width wide. */
static double
column_width (Table  *table,
              guint   c,
              double  page_width)
{
  double sum = 0;

  for (guint i = 0; i < table->n_columns; i++)
    sum += table->widths[i];
  return page_width * table->widths[c] / sum;
}

static double
row_height (GtkPrintContext *context,
            Table           *table,
            guint            row)
{
  GStrv cells = g_ptr_array_index (table->rows, row);
  /* Measured in the font it is drawn in: bold is wider, and wraps sooner. */
  const char *font = g_array_index (table->bold, gboolean, row) ? FONT_BOLD : FONT;
  double width = gtk_print_context_get_width (context);
  double height = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      g_autoptr(PangoLayout) layout = make_layout (context, font, cells[c],
                                                   column_width (table, c, width) - 2 * CELL_PAD);

      height = MAX (height, layout_height (layout));
    }
  return height + 2 * CELL_PAD;
}

static double
text_height (GtkPrintContext *context,
             const char      *font,
             const char      *text)
{
  g_autoptr(PangoLayout) layout = make_layout (context, font, text, gtk_print_context_get_width (context));

  return layout_height (layout);
}

/* Placing on pages --------------------------------------------------------- */

typedef struct
{
  Printing        *p;
  GtkPrintContext *context;
  double           page_height;   /* without the footer */
  int              page;
  double           y;
} Placer;

static void
place (Placer     *pl,
       ItemKind    kind,
       double      height,
       Table      *table,
       guint       row,
       const char *text)
{
  Item item = { kind, pl->page, pl->y, height, table, row, text };

  g_array_append_val (pl->p->items, item);
  pl->y += height;
}

static void
new_page (Placer *pl)
{
  pl->page++;
  pl->y = 0;
}

/* A heading and its table; the header row again on every page it goes on to. */
static void
place_table (Placer     *pl,
             Table      *table,
             const char *heading,
             const char *note)
{
  double heading_height = text_height (pl->context, FONT_HEADING, heading) + GAP / 2;
  double header_height = row_height (pl->context, table, 0);
  double first_height = note != NULL ? text_height (pl->context, FONT, note)
                                     : table->rows->len > 1 ? row_height (pl->context, table, 1) : 0;

  if (pl->y > 0)
    pl->y += GAP;
  /* A heading never ends a page alone. */
  if (pl->y > 0 && pl->y + heading_height + header_height + first_height > pl->page_height)
    new_page (pl);
  place (pl, ITEM_HEADING, heading_height, NULL, 0, heading);
  if (note != NULL)
    {
      place (pl, ITEM_NOTE, first_height, NULL, 0, note);
      return;
    }
  place (pl, ITEM_ROW, header_height, table, 0, NULL);
  for (guint r = 1; r < table->rows->len; r++)
    {
      double height = r == 1 ? first_height : row_height (pl->context, table, r);

      /* A row taller than a page stays where it is rather than loop. */
      if (pl->y + height > pl->page_height && pl->y > header_height)
        {
          new_page (pl);
          place (pl, ITEM_ROW, header_height, table, 0, NULL);
        }
      place (pl, ITEM_ROW, height, table, r, NULL);
    }
}

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             Printing          *p)
{
  Placer pl = { p, context, gtk_print_context_get_height (context) - FOOTER, 0, 0 };
  double title_height = text_height (context, FONT_TITLE, p->title)
                        + text_height (context, FONT_SUBTITLE, p->report->unit_name);

  g_clear_pointer (&p->items, g_array_unref);
  p->items = g_array_new (FALSE, FALSE, sizeof (Item));
  place (&pl, ITEM_TITLE, title_height, NULL, 0, NULL);
  for (guint t = 0; t < G_N_ELEMENTS (p->tables); t++)
    place_table (&pl, &p->tables[t], p->headings[t], t == 2 ? p->note : NULL);
  p->n_pages = pl.page + 1;
  gtk_print_operation_set_n_pages (operation, p->n_pages);
}

static void
draw_text (GtkPrintContext *context,
           const char      *font,
           const char      *text,
           double           x,
           double           y,
           double           width,
           PangoAlignment   alignment)
{
  g_autoptr(PangoLayout) layout = make_layout (context, font, text, width);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  pango_layout_set_alignment (layout, alignment);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_row (GtkPrintContext *context,
          const Item      *item)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  Table *table = item->table;
  GStrv cells = g_ptr_array_index (table->rows, item->row);
  gboolean bold = g_array_index (table->bold, gboolean, item->row);
  double width = gtk_print_context_get_width (context);
  double x = 0;

  if (item->row == 0)
    {
      cairo_set_source_rgb (cr, 0.88, 0.91, 0.95);
      cairo_rectangle (cr, 0, item->y, width, item->height);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  for (guint c = 0; c < table->n_columns; c++)
    {
      double w = column_width (table, c, width);
      PangoAlignment alignment = item->row == 0 ? PANGO_ALIGN_CENTER
                                 : table->right[c] ? PANGO_ALIGN_RIGHT
                                 : c == 0 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;

      cairo_rectangle (cr, x, item->y, w, item->height);
      cairo_stroke (cr);
      draw_text (context, bold ? FONT_BOLD : FONT, cells[c], x + CELL_PAD, item->y + CELL_PAD, w - 2 * CELL_PAD,
                 alignment);
      x += w;
    }
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           Printing          *p)
{
  double width = gtk_print_context_get_width (context);
  g_autofree char *number = NULL;

  for (guint i = 0; i < p->items->len; i++)
    {
      const Item *item = &g_array_index (p->items, Item, i);

      if (item->page != page)
        continue;
      if (item->kind == ITEM_TITLE)
        {
          draw_text (context, FONT_TITLE, p->title, 0, item->y, width, PANGO_ALIGN_CENTER);
          draw_text (context, FONT_SUBTITLE, p->report->unit_name, 0,
                     item->y + text_height (context, FONT_TITLE, p->title), width, PANGO_ALIGN_CENTER);
        }
      else if (item->kind == ITEM_HEADING)
        draw_text (context, FONT_HEADING, item->text, 0, item->y, width, PANGO_ALIGN_LEFT);
      else if (item->kind == ITEM_NOTE)
        draw_text (context, FONT, item->text, 0, item->y, width, PANGO_ALIGN_LEFT);
      else
        draw_row (context, item);
    }
  /* Translators: at the foot of each printed page */
  number = g_strdup_printf (_("Page %d of %d"), page + 1, p->n_pages);
  draw_text (context, FONT, number, 0, gtk_print_context_get_height (context) - FOOTER / 2 - 5, width,
             PANGO_ALIGN_CENTER);
}

/* An operation that prints @report (which it takes), on A4 landscape by
 * default; "Print to File" offers @file_name (without its extension). */
GtkPrintOperation *
par_plan_report_print_new (ParPlanReport *report,
                           const char    *file_name)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  Printing *p;

  g_return_val_if_fail (report != NULL, NULL);

  p = printing_new (report);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_paper_size_free (a4);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, file_name);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_settings_set_orientation (settings, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_settings_set_paper_size (settings, gtk_page_setup_get_paper_size (setup));
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, p->title);
  g_object_set_data_full (G_OBJECT (operation), "par-printing", p, (GDestroyNotify) printing_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), p);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), p);
  return operation;
}
