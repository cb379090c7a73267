/* ut-export-pdf.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#ifdef __GLIBC__
# include <langinfo.h>
#endif

#include "ut-export-private.h"
#include "ut-util.h"

/* The printable checklist: drawn with cairo and pango, no GTK, so the command line can make it. */

/* The same words as the Markdown's states, starting a table cell; separate strings because some
 * languages need it. */
static const char *
state_label (UtActionState state)
{
  switch (state)
    {
    case UT_ACTION_STATE_TODO:
      return _("To do");
    case UT_ACTION_STATE_DONE:
      return _("Done");
    case UT_ACTION_STATE_SKIPPED:
      return _("Skipped");
    case UT_ACTION_STATE_NOT_APPLICABLE:
      return _("Not applicable");
    default:
      g_return_val_if_reached (NULL);
    }
}

#define PDF_MARGIN     50.0
#define PDF_FOOTER     24.0
#define PDF_BOX        9.0
#define PDF_BOX_COLUMN 18.0
#define PDF_GAP        10.0
#define PDF_STATE      108.0
#define PDF_DATE       72.0

typedef struct
{
  cairo_t      *cr;
  PangoContext *context;
  gboolean      draw;       /* FALSE while counting pages */
  double        width;
  double        height;
  double        y;
  guint         page;
  guint         n_pages;
  char         *footer;
} Pdf;

static PangoLayout *
pdf_layout (Pdf        *pdf,
            const char *text,
            const char *font,
            double      width)
{
  PangoLayout *layout = pango_layout_new (pdf->context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
pdf_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return pango_units_to_double (height);
}

static void
pdf_show (Pdf         *pdf,
          PangoLayout *layout,
          double       x,
          double       y,
          double       grey)
{
  if (!pdf->draw)
    return;

  cairo_set_source_rgb (pdf->cr, grey, grey, grey);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
}

static double
pdf_content_width (Pdf *pdf)
{
  return pdf->width - 2 * PDF_MARGIN;
}

static void
pdf_end_page (Pdf *pdf)
{
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  g_autofree char *number = NULL;
  double y = pdf->height - PDF_MARGIN;

  if (!pdf->draw)
    return;

  /* Translators: the footer of a printed page: "Page 1 of 3" */
  number = g_strdup_printf (_("Page %u of %u"), pdf->page, pdf->n_pages);
  left = pdf_layout (pdf, pdf->footer, "Sans 7.5", pdf_content_width (pdf));
  right = pdf_layout (pdf, number, "Sans 7.5", pdf_content_width (pdf));
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);

  cairo_set_source_rgb (pdf->cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (pdf->cr, 0.5);
  cairo_move_to (pdf->cr, PDF_MARGIN, y - 4);
  cairo_line_to (pdf->cr, pdf->width - PDF_MARGIN, y - 4);
  cairo_stroke (pdf->cr);
  pdf_show (pdf, left, PDF_MARGIN, y, 0.35);
  pdf_show (pdf, right, PDF_MARGIN, y, 0.35);
  cairo_show_page (pdf->cr);
}

static void
pdf_begin_page (Pdf *pdf)
{
  pdf->page++;
  pdf->y = PDF_MARGIN;
}

static gboolean
pdf_fits (Pdf    *pdf,
          double  height)
{
  return pdf->y + height <= pdf->height - PDF_MARGIN - PDF_FOOTER;
}

/* Starts a new page unless @height fits; returns TRUE if it did. */
static gboolean
pdf_ensure (Pdf    *pdf,
            double  height)
{
  if (pdf_fits (pdf, height) || pdf->y == PDF_MARGIN)
    return FALSE;

  pdf_end_page (pdf);
  pdf_begin_page (pdf);
  return TRUE;
}

static void
pdf_box (Pdf           *pdf,
         double         x,
         double         y,
         UtActionState  state)
{
  cairo_t *cr = pdf->cr;

  if (!pdf->draw)
    return;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, x, y, PDF_BOX, PDF_BOX);
  cairo_stroke (cr);

  cairo_set_line_width (cr, 1.4);
  switch (state)
    {
    case UT_ACTION_STATE_DONE:
      cairo_move_to (cr, x + 1.8, y + 4.8);
      cairo_line_to (cr, x + 3.8, y + 7.2);
      cairo_line_to (cr, x + 7.6, y + 1.6);
      cairo_stroke (cr);
      break;
    case UT_ACTION_STATE_SKIPPED:
      cairo_move_to (cr, x + 2, y + PDF_BOX / 2);
      cairo_line_to (cr, x + PDF_BOX - 2, y + PDF_BOX / 2);
      cairo_stroke (cr);
      break;
    case UT_ACTION_STATE_NOT_APPLICABLE:
      cairo_move_to (cr, x + 2, y + PDF_BOX - 2);
      cairo_line_to (cr, x + PDF_BOX - 2, y + 2);
      cairo_stroke (cr);
      break;
    case UT_ACTION_STATE_TODO:
    default:
      break;
    }
}

static void
pdf_rule (Pdf    *pdf,
          double  y,
          double  grey)
{
  if (!pdf->draw)
    return;

  cairo_set_source_rgb (pdf->cr, grey, grey, grey);
  cairo_set_line_width (pdf->cr, 0.5);
  cairo_move_to (pdf->cr, PDF_MARGIN, y);
  cairo_line_to (pdf->cr, pdf->width - PDF_MARGIN, y);
  cairo_stroke (pdf->cr);
}

typedef struct
{
  double action_x, action_width;
  double state_x, date_x;
} Columns;

static void
pdf_columns (Pdf     *pdf,
             Columns *columns)
{
  columns->action_x = PDF_MARGIN + PDF_BOX_COLUMN;
  columns->action_width = pdf_content_width (pdf) - PDF_BOX_COLUMN - PDF_STATE - PDF_DATE - 2 * PDF_GAP;
  columns->state_x = columns->action_x + columns->action_width + PDF_GAP;
  columns->date_x = columns->state_x + PDF_STATE + PDF_GAP;
}

static double
pdf_table_header (Pdf      *pdf,
                  gboolean  measure_only)
{
  g_autoptr(PangoLayout) action = NULL;
  g_autoptr(PangoLayout) state = NULL;
  g_autoptr(PangoLayout) date = NULL;
  Columns columns;
  double height;

  pdf_columns (pdf, &columns);
  action = pdf_layout (pdf, _("Action"), "Sans Bold 8", columns.action_width);
  state = pdf_layout (pdf, _("State"), "Sans Bold 8", PDF_STATE);
  date = pdf_layout (pdf, _("Date"), "Sans Bold 8", PDF_DATE);
  height = pdf_height (action) + 5;

  if (!measure_only)
    {
      pdf_show (pdf, action, columns.action_x, pdf->y, 0.3);
      pdf_show (pdf, state, columns.state_x, pdf->y, 0.3);
      pdf_show (pdf, date, columns.date_x, pdf->y, 0.3);
      pdf_rule (pdf, pdf->y + height - 2, 0.5);
      pdf->y += height;
    }

  return height;
}

typedef struct
{
  PangoLayout *action;
  PangoLayout *steps;   /* nullable */
  PangoLayout *link;    /* nullable */
  PangoLayout *state;
  PangoLayout *date;
  double       height;
} Row;

static void
row_clear (Row *row)
{
  g_clear_object (&row->action);
  g_clear_object (&row->steps);
  g_clear_object (&row->link);
  g_clear_object (&row->state);
  g_clear_object (&row->date);
}

#define PDF_STEP_GAP 2.0

/* The numbered steps under an action's title, one paragraph each; a step that wraps goes on
 * under its text, not under its number. The action's note, if any, follows unnumbered. */
static PangoLayout *
pdf_steps_layout (Pdf                *pdf,
                  const char * const *steps,
                  const char         *note,
                  double              width)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoLayout) number = NULL;
  PangoLayout *layout;
  int number_width, number_height;

  if (steps == NULL || steps[0] == NULL)
    return NULL;

  for (guint i = 0; steps[i] != NULL; i++)
    g_string_append_printf (text, "%s%u. %s", i > 0 ? "\n" : "", i + 1, steps[i]);
  if (note != NULL)
    g_string_append_printf (text, "\n%s", note);

  layout = pdf_layout (pdf, text->str, "Sans 8.5", width);
  number = pdf_layout (pdf, "0. ", "Sans 8.5", width);
  pango_layout_get_size (number, &number_width, &number_height);
  pango_layout_set_indent (layout, -number_width);
  pango_layout_set_spacing (layout, pango_units_from_double (1));

  return layout;
}

static double
row_action_height (Row *row)
{
  double height = pdf_height (row->action);

  if (row->steps != NULL)
    height += PDF_STEP_GAP + pdf_height (row->steps);
  if (row->link != NULL)
    height += PDF_STEP_GAP + pdf_height (row->link);

  return height;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, row_clear)

static void
pdf_row_measure (Pdf                *pdf,
                 const UtExportItem *item,
                 Row                *row)
{
  g_autoptr(GString) state = g_string_new (state_label (item->state));
  g_autoptr(GString) date = g_string_new (NULL);
  Columns columns;

  pdf_columns (pdf, &columns);
  if (item->flags & UT_RECORD_FLAGS_NEEDS_REVIEW)
    g_string_append_printf (state, "\n%s", _("Changed since you finished"));
  if (item->flags & UT_RECORD_FLAGS_RECHECK_DUE)
    g_string_append_printf (state, "\n%s", _("Re-check due"));

  if (item->state == UT_ACTION_STATE_DONE)
    {
      g_autofree char *day = _ut_export_format_day (_ut_export_item_get_done_at (item));

      g_string_append (date, day);
      g_string_append_c (date, '\n');
      g_string_append_printf (date, _("revision %u"), item->record->revision);
    }

  row->action = pdf_layout (pdf, ut_action_get_title (item->action), "Sans 9.5", columns.action_width);
  if (item->record != NULL && item->record->note != NULL && *item->record->note != '\0')
    {
      g_autofree char *text = g_strdup_printf ("%s\n%s %s", ut_action_get_title (item->action),
                                               _("Note:"), item->record->note);

      pango_layout_set_text (row->action, text, -1);
    }
  row->steps = pdf_steps_layout (pdf, ut_action_get_steps (item->action), ut_action_get_note (item->action),
                                 columns.action_width);
  if (ut_action_get_url (item->action) != NULL)
    {
      g_autofree char *link = g_strdup_printf ("%s %s", _("Link:"), ut_action_get_url (item->action));

      row->link = pdf_layout (pdf, link, "Sans 8.5", columns.action_width);
    }
  row->state = pdf_layout (pdf, state->str, "Sans 9", PDF_STATE);
  row->date = pdf_layout (pdf, date->str, "Sans 9", PDF_DATE);
  row->height = MAX (MAX (row_action_height (row), pdf_height (row->state)), pdf_height (row->date)) + 7;
}

/* The link's text, which a PDF reader also opens when it is clicked. */
static void
pdf_link (Pdf         *pdf,
          PangoLayout *layout,
          const char  *url,
          double       x,
          double       y)
{
  g_autoptr(GString) attributes = g_string_new ("uri='");

  if (!pdf->draw)
    return;

  /* A string in cairo's tag attributes is quoted with ' and escapes ' and \ with \. */
  for (const char *p = url; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (attributes, '\\');
      g_string_append_c (attributes, *p);
    }
  g_string_append_c (attributes, '\'');

  cairo_tag_begin (pdf->cr, CAIRO_TAG_LINK, attributes->str);
  pdf_show (pdf, layout, x, y, 0.1);
  cairo_tag_end (pdf->cr, CAIRO_TAG_LINK);
}

static void
pdf_row_show (Pdf                *pdf,
              const UtExportItem *item,
              Row                *row)
{
  Columns columns;

  double y;

  pdf_columns (pdf, &columns);
  pdf_box (pdf, PDF_MARGIN + 1, pdf->y + 2.5, item->state);
  pdf_show (pdf, row->action, columns.action_x, pdf->y + 1, 0);
  y = pdf->y + 1 + pdf_height (row->action);
  if (row->steps != NULL)
    {
      y += PDF_STEP_GAP;
      pdf_show (pdf, row->steps, columns.action_x, y, 0.2);
      y += pdf_height (row->steps);
    }
  if (row->link != NULL)
    {
      y += PDF_STEP_GAP;
      pdf_link (pdf, row->link, ut_action_get_url (item->action), columns.action_x, y);
    }
  pdf_show (pdf, row->state, columns.state_x, pdf->y + 1, 0);
  pdf_show (pdf, row->date, columns.date_x, pdf->y + 1, 0.2);
  pdf->y += row->height;
  pdf_rule (pdf, pdf->y - 3, 0.85);
}

/* A platform's heading, its notes and the column titles; pdf_item() draws the rows under them. */
static void
pdf_section (Pdf             *pdf,
             UtExportSection *section)
{
  g_autoptr(PangoLayout) heading = pdf_layout (pdf, _ut_export_section_get_name (section), "Sans Bold 12.5",
                                               pdf_content_width (pdf));
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(PangoLayout) notes_layout = NULL;
  g_autofree char *no_opt_out = _ut_export_section_note (section);
  double needed;

  if (section->account != NULL)
    g_string_append_printf (notes, "%s %s\n", _("Account:"), section->account);
  if (section->platform == NULL)
    g_string_append_printf (notes, "%s\n", _("This platform is no longer in Untrain’s catalog."));
  else if (no_opt_out != NULL)
    g_string_append_printf (notes, "%s\n", no_opt_out);
  if (section->platform != NULL && section->items->len == 0)
    g_string_append_printf (notes, "%s\n", _("There is nothing to do in this region."));
  if (notes->len > 0)
    {
      g_string_truncate (notes, notes->len - 1);
      notes_layout = pdf_layout (pdf, notes->str, "Sans Italic 9", pdf_content_width (pdf));
    }

  /* A heading is kept with its notes, the column titles and the first row. */
  needed = 10 + pdf_height (heading) + 4 + (notes_layout != NULL ? pdf_height (notes_layout) + 6 : 0);
  if (section->items->len > 0)
    {
      g_auto(Row) first = { NULL };

      pdf_row_measure (pdf, &g_array_index (section->items, UtExportItem, 0), &first);
      needed += pdf_table_header (pdf, TRUE) + first.height;
    }
  if (!pdf_ensure (pdf, needed))
    pdf->y += 10;

  pdf_show (pdf, heading, PDF_MARGIN, pdf->y, 0);
  pdf->y += pdf_height (heading) + 4;
  if (notes_layout != NULL)
    {
      pdf_show (pdf, notes_layout, PDF_MARGIN, pdf->y, 0.25);
      pdf->y += pdf_height (notes_layout) + 6;
    }

  if (section->items->len > 0)
    pdf_table_header (pdf, FALSE);
}

static void
pdf_item (Pdf             *pdf,
          UtExportSection *section,
          UtExportItem    *item)
{
  g_auto(Row) row = { NULL };

  pdf_row_measure (pdf, item, &row);
  if (pdf_ensure (pdf, row.height))
    {
      /* Translators: a platform's heading repeated where its table goes on over a page */
      g_autofree char *text = g_strdup_printf (_("%s (continued)"), _ut_export_section_get_name (section));
      g_autoptr(PangoLayout) continued = pdf_layout (pdf, text, "Sans Bold 10", pdf_content_width (pdf));

      pdf_show (pdf, continued, PDF_MARGIN, pdf->y, 0.25);
      pdf->y += pdf_height (continued) + 4;
      pdf_table_header (pdf, FALSE);
    }
  pdf_row_show (pdf, item, &row);
}

static void
pdf_title (Pdf             *pdf,
           UtExportModel   *model,
           UtExportChapter *chapter)
{
  UtRegion region = ut_profile_get_region (chapter->profile);
  g_autoptr(PangoLayout) title = pdf_layout (pdf, _("Untrain checklist"), "Sans Bold 20", pdf_content_width (pdf));
  g_autoptr(PangoLayout) details = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, _("Profile: %s"), ut_profile_get_name (chapter->profile));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Region: %s (%s)"), ut_region_get_display_name (region), ut_region_to_code (region));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Date: %s"), model->today);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Untrain %s, catalog version %s"), PACKAGE_VERSION, model->catalog_version);
  details = pdf_layout (pdf, text->str, "Sans 10", pdf_content_width (pdf));

  pdf_show (pdf, title, PDF_MARGIN, pdf->y, 0);
  pdf->y += pdf_height (title) + 6;
  pdf_show (pdf, details, PDF_MARGIN, pdf->y, 0.2);
  pdf->y += pdf_height (details) + 8;
  pdf_rule (pdf, pdf->y, 0.3);
  pdf->y += 4;

  if (chapter->sections->len == 0)
    {
      g_autoptr(PangoLayout) empty = pdf_layout (pdf, _("No platforms have been chosen for this profile yet."),
                                                 "Sans Italic 10", pdf_content_width (pdf));

      pdf->y += 10;
      pdf_show (pdf, empty, PDF_MARGIN, pdf->y, 0.25);
      pdf->y += pdf_height (empty);
    }
}

static void
pdf_render (Pdf           *pdf,
            UtExportModel *model)
{
  UtExportChapter *chapter;
  UtExportSection *section;
  UtExportItem *item;
  UtExportIter iter;

  pdf->page = 0;

  _ut_export_iter_init (&iter, model);
  while (_ut_export_iter_next (&iter, &chapter, &section, &item))
    {
      if (section == NULL)
        {
          /* Each profile starts on a page of its own. */
          if (pdf->page > 0)
            pdf_end_page (pdf);
          pdf_begin_page (pdf);
          pdf_title (pdf, model, chapter);
        }
      else if (item == NULL)
        pdf_section (pdf, section);
      else
        pdf_item (pdf, section, item);
    }

  pdf_end_page (pdf);
}

static cairo_status_t
pdf_write (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

#ifdef __GLIBC__
static guint
locale_paper_width (void)
{
  /* glibc returns the number itself where the pointer would be, as GTK also reads it. */
  union { unsigned int word; char *string; } width;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  return width.word;
}
#endif

static UtExportPaper resolve_paper (UtExportPaper paper);

/**
 * ut_export_paper_get_size:
 * @paper: a paper size, or %UT_EXPORT_PAPER_DEFAULT for the locale's
 *
 * The page's width and height in points, for anything Untrain prints.
 */
void
ut_export_paper_get_size (UtExportPaper  paper,
                          double        *width,
                          double        *height)
{
  gboolean letter = resolve_paper (paper) == UT_EXPORT_PAPER_LETTER;

  *width = letter ? 612 : 595;
  *height = letter ? 792 : 842;
}

static UtExportPaper
resolve_paper (UtExportPaper paper)
{
  if (paper != UT_EXPORT_PAPER_DEFAULT)
    return paper;

#ifdef __GLIBC__
  /* US Letter is 216 mm wide, A4 210 mm. */
  if (locale_paper_width () == 216)
    return UT_EXPORT_PAPER_LETTER;
#endif

  return UT_EXPORT_PAPER_A4;
}

GBytes *
_ut_export_pdf (UtExportModel  *model,
                GError        **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  g_autofree char *creator = g_strdup_printf ("Untrain %s", PACKAGE_VERSION);
  g_autofree char *created = ut_date_time_format (model->now);
  g_autofree char *versions = _ut_export_versions_line (model);
  cairo_font_options_t *font_options;
  cairo_surface_t *surface;
  cairo_status_t status;
  Pdf pdf = { NULL };

  ut_export_paper_get_size (model->paper, &pdf.width, &pdf.height);

  surface = cairo_pdf_surface_create_for_stream (pdf_write, bytes, pdf.width, pdf.height);
  title = model->profile != NULL
          ? g_strdup_printf ("%s — %s", _("Untrain checklist"), ut_profile_get_name (model->profile))
          : g_strdup (_("Untrain checklist"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  pdf.cr = cairo_create (surface);
  pdf.context = pango_cairo_create_context (pdf.cr);
  /* Sizes are in points, and metrics are not hinted, so the page looks the same at any zoom. */
  pango_cairo_context_set_resolution (pdf.context, 72);
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pdf.context, font_options);
  cairo_font_options_destroy (font_options);
  pdf.footer = versions;

  /* Once to count the pages for "Page 1 of N", once to draw. */
  pdf.draw = FALSE;
  pdf_render (&pdf, model);
  pdf.n_pages = pdf.page;
  pdf.draw = TRUE;
  pdf_render (&pdf, model);

  g_object_unref (pdf.context);
  cairo_destroy (pdf.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, UT_EXPORT_ERROR, UT_EXPORT_ERROR_FAILED,
                   _("The PDF could not be made (%s). Try another format."), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
