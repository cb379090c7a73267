/* ut-export-model.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ut-export-private.h"
#include "ut-legal.h"

/* The export's content, from the catalog and the progress as they are now, so that every
 * format says the same thing. The writers only lay it out. */

static void
item_clear (gpointer data)
{
  UtExportItem *item = data;

  g_clear_pointer (&item->recheck, g_date_time_unref);
}

static void
section_free (gpointer data)
{
  UtExportSection *section = data;

  g_array_unref (section->items);
  g_free (section);
}

static void
chapter_free (gpointer data)
{
  UtExportChapter *chapter = data;

  g_ptr_array_unref (chapter->sections);
  g_free (chapter);
}

const char *
_ut_export_section_get_name (const UtExportSection *section)
{
  return section->platform != NULL ? ut_platform_get_name (section->platform) : section->id;
}

static int
compare_sections (gconstpointer a,
                  gconstpointer b)
{
  const UtExportSection *sa = *(const UtExportSection **) a;
  const UtExportSection *sb = *(const UtExportSection **) b;
  g_autofree char *na = g_utf8_casefold (_ut_export_section_get_name (sa), -1);
  g_autofree char *nb = g_utf8_casefold (_ut_export_section_get_name (sb), -1);
  int cmp = g_utf8_collate (na, nb);

  return cmp != 0 ? cmp : strcmp (sa->id, sb->id);
}

static UtExportChapter *
chapter_new (UtExportModel *model,
             UtProfile     *profile)
{
  const char * const *platforms = ut_profile_get_platforms (profile);
  UtExportChapter *chapter = g_new0 (UtExportChapter, 1);

  chapter->profile = profile;
  chapter->sections = g_ptr_array_new_with_free_func (section_free);

  for (guint i = 0; platforms[i] != NULL; i++)
    {
      UtExportSection *section = g_new0 (UtExportSection, 1);

      section->id = platforms[i];
      section->platform = ut_catalog_lookup (model->catalog, platforms[i]);
      section->items = g_array_new (FALSE, TRUE, sizeof (UtExportItem));
      g_array_set_clear_func (section->items, item_clear);
      if (model->identities != NULL)
        section->account = g_hash_table_lookup (model->identities,
                                                section->platform != NULL ? ut_platform_get_id (section->platform)
                                                                          : section->id);
      g_ptr_array_add (chapter->sections, section);

      if (section->platform == NULL)
        continue;

      section->offer = ut_platform_get_offer (section->platform, ut_profile_get_region (profile));
      for (guint j = 0; j < section->offer->actions->len; j++)
        {
          UtAction *action = g_ptr_array_index (section->offer->actions, j);
          UtExportItem item = { action, NULL, UT_ACTION_STATE_TODO, UT_RECORD_FLAGS_NONE, NULL };

          item.record = ut_profile_lookup_record (profile, ut_platform_get_id (section->platform),
                                                  ut_action_get_id (action));
          if (item.record != NULL)
            item.state = item.record->state;
          item.flags = ut_progress_get_record_flags (model->progress, profile, section->platform, action);
          item.recheck = ut_progress_get_recheck_date (model->progress, profile, section->platform, action);
          g_array_append_val (section->items, item);
        }
    }

  g_ptr_array_sort (chapter->sections, compare_sections);
  return chapter;
}

/* A local calendar day, as ISO 8601: exports are read in many languages, and spreadsheets and
 * scripts parse this one. */
char *
_ut_export_format_day (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = NULL;

  if (date_time == NULL)
    return g_strdup ("");

  /* Near the end of the calendar the local time can be out of range; UTC then serves. */
  local = g_date_time_to_local (date_time);
  return g_date_time_format (local != NULL ? local : date_time, "%Y-%m-%d");
}

/**
 * _ut_export_model_init:
 * @model: an uninitialised model, cleared with _ut_export_model_clear()
 * @profile: (nullable): the profile to export; %NULL for every profile (none for a backup, which
 *   takes the progress whole)
 * @options: the time, paper size and identities; not %NULL
 *
 * The model holds references to nothing: @catalog, @progress, @profile and @options must
 * outlive it.
 */
void
_ut_export_model_init (UtExportModel          *model,
                       UtExportFormat          format,
                       UtCatalog              *catalog,
                       UtProgress             *progress,
                       UtProfile              *profile,
                       const UtExportOptions  *options)
{
  g_return_if_fail (model != NULL);
  g_return_if_fail (options != NULL);

  memset (model, 0, sizeof *model);
  model->format = format;
  model->catalog = catalog;
  model->progress = progress;
  model->profile = profile;
  model->now = options->now != NULL ? g_date_time_ref (options->now) : g_date_time_new_now_utc ();
  model->paper = options->paper;
  model->identities = options->identities;
  model->today = _ut_export_format_day (model->now);
  model->catalog_version = g_strdup_printf ("%" G_GINT64_FORMAT, ut_catalog_get_version (catalog));
  model->chapters = g_ptr_array_new_with_free_func (chapter_free);

  if (profile != NULL)
    g_ptr_array_add (model->chapters, chapter_new (model, profile));
  else if (format != UT_EXPORT_FORMAT_JSON)
    {
      GListModel *profiles = ut_progress_get_profiles (progress);

      for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
        {
          g_autoptr(UtProfile) item = g_list_model_get_item (profiles, i);

          g_ptr_array_add (model->chapters, chapter_new (model, item));
        }
    }
}

void
_ut_export_model_clear (UtExportModel *model)
{
  g_clear_pointer (&model->chapters, g_ptr_array_unref);
  g_clear_pointer (&model->now, g_date_time_unref);
  g_clear_pointer (&model->today, g_free);
  g_clear_pointer (&model->catalog_version, g_free);
}

/* ---- walking the model ------------------------------------------------------------------ */

void
_ut_export_iter_init (UtExportIter  *iter,
                      UtExportModel *model)
{
  g_return_if_fail (iter != NULL);
  g_return_if_fail (model != NULL && model->chapters != NULL);

  iter->model = model;
  iter->started = FALSE;
  iter->chapter = 0;
  iter->section = 0;
  iter->item = 0;
}

/**
 * _ut_export_iter_next:
 * @chapter: (out) (optional): the profile's chapter
 * @section: (out) (optional): the platform's section, or %NULL at the chapter's heading
 * @item: (out) (optional): the action, or %NULL at a heading
 *
 * Moves to the next stop in document order: a chapter's heading, then each of its sections'
 * headings followed by the section's items. Chapters with no section and sections with no item
 * are stopped at too, so that a writer can say they are empty.
 *
 * Returns: %FALSE once past the end, leaving the out arguments alone
 */
gboolean
_ut_export_iter_next (UtExportIter      *iter,
                      UtExportChapter  **chapter,
                      UtExportSection  **section,
                      UtExportItem     **item)
{
  GPtrArray *chapters;
  UtExportChapter *c;
  UtExportSection *s = NULL;

  g_return_val_if_fail (iter != NULL && iter->model != NULL, FALSE);

  chapters = iter->model->chapters;
  if (!iter->started)
    iter->started = TRUE;
  else if (iter->chapter < chapters->len)
    {
      c = g_ptr_array_index (chapters, iter->chapter);
      if (iter->section > 0)
        s = g_ptr_array_index (c->sections, iter->section - 1);

      if (s != NULL && iter->item < s->items->len)
        iter->item++;
      else if (iter->section < c->sections->len)
        {
          iter->section++;
          iter->item = 0;
        }
      else
        {
          iter->chapter++;
          iter->section = 0;
          iter->item = 0;
        }
    }

  if (iter->chapter >= chapters->len)
    return FALSE;

  c = g_ptr_array_index (chapters, iter->chapter);
  s = iter->section > 0 ? g_ptr_array_index (c->sections, iter->section - 1) : NULL;
  if (chapter != NULL)
    *chapter = c;
  if (section != NULL)
    *section = s;
  if (item != NULL)
    *item = iter->item > 0 ? &g_array_index (s->items, UtExportItem, iter->item - 1) : NULL;

  return TRUE;
}

/**
 * _ut_export_iter_next_item:
 *
 * Like _ut_export_iter_next(), stopping at items only.
 */
gboolean
_ut_export_iter_next_item (UtExportIter      *iter,
                           UtExportChapter  **chapter,
                           UtExportSection  **section,
                           UtExportItem     **item)
{
  UtExportChapter *c;
  UtExportSection *s;
  UtExportItem *i;

  while (_ut_export_iter_next (iter, &c, &s, &i))
    {
      if (i == NULL)
        continue;

      if (chapter != NULL)
        *chapter = c;
      if (section != NULL)
        *section = s;
      if (item != NULL)
        *item = i;
      return TRUE;
    }

  return FALSE;
}

/**
 * _ut_export_item_has_reminder:
 *
 * Whether the calendar gets an event for @item: it has a re-check date, and that day and the
 * next are still within the calendar GDateTime knows (the event ends the day after).
 */
gboolean
_ut_export_item_has_reminder (const UtExportItem *item)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) end = NULL;

  if (item->recheck == NULL)
    return FALSE;
  local = g_date_time_to_local (item->recheck);
  end = local != NULL ? g_date_time_add_days (local, 1) : NULL;

  return end != NULL;
}

/**
 * _ut_export_model_has_reminders:
 *
 * Returns: %TRUE if an iCalendar export of @model would hold at least one event
 */
gboolean
_ut_export_model_has_reminders (UtExportModel *model)
{
  UtExportItem *item;
  UtExportIter iter;

  _ut_export_iter_init (&iter, model);
  while (_ut_export_iter_next_item (&iter, NULL, NULL, &item))
    if (_ut_export_item_has_reminder (item))
      return TRUE;

  for (guint i = 0; i < model->chapters->len; i++)
    {
      g_autoptr(GPtrArray) dues = _ut_export_request_dues (model, g_ptr_array_index (model->chapters, i));

      if (dues->len > 0)
        return TRUE;
    }
  return FALSE;
}

static void
request_due_free (UtExportRequestDue *due)
{
  g_date_free (due->due);
  g_free (due);
}

/**
 * _ut_export_request_dues:
 *
 * Returns: (transfer container) (element-type UtExportRequestDue): the open requests of
 *   @chapter's profile that have a due date under their law, by platform
 */
GPtrArray *
_ut_export_request_dues (UtExportModel   *model,
                         UtExportChapter *chapter)
{
  GPtrArray *dues = g_ptr_array_new_with_free_func ((GDestroyNotify) request_due_free);
  g_autoptr(GPtrArray) requests = ut_profile_list_requests (chapter->profile);
  g_autoptr(UtLegal) legal = NULL;
  g_autoptr(GDate) today = NULL;

  if (requests->len == 0 || (legal = ut_legal_load_bundled (NULL)) == NULL)
    return dues;

  today = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (model->now),
                          (GDateMonth) g_date_time_get_month (model->now),
                          (GDateYear) g_date_time_get_year (model->now));
  for (guint i = 0; i < requests->len; i++)
    {
      const UtRequest *request = g_ptr_array_index (requests, i);
      GDate *due = NULL;
      UtRequestState state = ut_request_get_state (request, ut_legal_get_rights (legal, request->region), today, &due);
      UtExportRequestDue *entry;

      if (due == NULL || (state != UT_REQUEST_STATE_OPEN && state != UT_REQUEST_STATE_OVERDUE))
        {
          g_clear_pointer (&due, g_date_free);
          continue;
        }
      entry = g_new0 (UtExportRequestDue, 1);
      entry->request = request;
      entry->platform = ut_catalog_lookup (model->catalog, request->platform);
      entry->due = due;
      g_ptr_array_add (dues, entry);
    }
  return dues;
}

/* ---- what several formats say ----------------------------------------------------------- */

/* When the action was done; a record without that date has at least the day its state was set. */
GDateTime *
_ut_export_item_get_done_at (const UtExportItem *item)
{
  if (item->record == NULL)
    return NULL;
  return item->record->done_at != NULL ? item->record->done_at : item->record->changed_at;
}

/* Returns: (nullable): the warning for a platform that offers no way out, else %NULL */
char *
_ut_export_section_note (const UtExportSection *section)
{
  if (section->offer == NULL || section->offer->status != UT_OFFER_NO_OPT_OUT)
    return NULL;

  return g_strdup_printf (_("Nothing stops %s from training on your data here; these steps only reduce it."),
                          _ut_export_section_get_name (section));
}

char *
_ut_export_versions_line (UtExportModel *model)
{
  /* Translators: the versions and date every export names: "Exported on 2026-12-01 by Untrain
   * 0.1.0, catalog version 2026112901" */
  return g_strdup_printf (_("Exported on %s by Untrain %s, catalog version %s"),
                          model->today, PACKAGE_VERSION, model->catalog_version);
}
