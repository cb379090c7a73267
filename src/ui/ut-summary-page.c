/* ut-summary-page.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-summary-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-legal.h"
#include "ut-summary-page.h"
#include "ut-util.h"

struct _UtSummaryPage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkLabel            *headline_label;
  GtkLevelBar         *headline_bar;
  GtkLabel            *subtitle_label;
  AdwPreferencesGroup *category_group;
  AdwPreferencesGroup *changed_group;
  AdwPreferencesGroup *recheck_group;
  AdwPreferencesGroup *requests_group;

  /* Owned references */
  UtCatalog           *catalog;
  UtProgress          *progress;
  UtProfile           *profile;
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (UtSummaryPage, ut_summary_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_PROGRESS,
  PROP_PROFILE,
  N_PROPS
};

enum {
  PLATFORM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  guint n_platforms;
  guint n_done;
  guint n_actions;
} Tally;

/* The default offsets paint a barely started bar in warning colours, which reads as a scolding. */
static void
clear_level_offsets (GtkLevelBar *bar)
{
  gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_HIGH);
}

static void
clear_rows (UtSummaryPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static AdwActionRow *
add_row (UtSummaryPage       *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  /* Names and change summaries come from the catalog and may contain "&" or "<". */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_ptr_array_add (self->rows, row);

  return row;
}

static void
row_activated_cb (UtSummaryPage *self,
                  AdwActionRow  *row)
{
  UtPlatform *platform = g_object_get_data (G_OBJECT (row), "ut-platform");

  g_assert (UT_IS_PLATFORM (platform));

  g_signal_emit (self, signals[PLATFORM_ACTIVATED], 0, platform);
}

static void
add_platform_row (UtSummaryPage       *self,
                  AdwPreferencesGroup *group,
                  UtPlatform          *platform,
                  const char          *subtitle)
{
  AdwActionRow *row = add_row (self, group, ut_platform_get_name (platform), subtitle);
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "go-next-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  adw_action_row_add_suffix (row, arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "ut-platform", g_object_ref (platform), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
}

static void
add_category_row (UtSummaryPage *self,
                  const char    *category,
                  const Tally   *tally)
{
  const char *name = ut_category_get_display_name (category);
  g_autofree char *subtitle = NULL;
  g_autofree char *bar_label = NULL;
  GtkLevelBar *bar;

  if (tally->n_actions > 0)
    /* Translators: progress in one category of platforms, e.g. "3 of 5 steps done" */
    subtitle = g_strdup_printf (ngettext ("%u of %u step done", "%u of %u steps done", tally->n_actions),
                                tally->n_done, tally->n_actions);
  else
    subtitle = g_strdup (_("Nothing to do"));

  bar = GTK_LEVEL_BAR (gtk_level_bar_new_for_interval (0.0, 1.0));
  clear_level_offsets (bar);
  gtk_level_bar_set_value (bar, tally->n_actions > 0 ? (double) tally->n_done / tally->n_actions : 0.0);
  gtk_widget_set_size_request (GTK_WIDGET (bar), 120, -1);
  gtk_widget_set_valign (GTK_WIDGET (bar), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (bar), tally->n_actions > 0);
  /* Translators: the accessible name of a progress bar, e.g. "Steps done in Social networks" */
  bar_label = g_strdup_printf (_("Steps done in %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, bar_label, -1);

  adw_action_row_add_suffix (add_row (self, self->category_group, name, subtitle), GTK_WIDGET (bar));
}

/* The change summaries newer than the oldest revision the user finished an action against: the
 * same list the platform's guide shows. */
static char *
describe_changes (UtSummaryPage *self,
                  UtPlatform    *platform)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint oldest = ut_progress_get_finished_revision (self->progress, self->profile, platform);

  for (guint i = 0; i < ut_platform_get_n_changes (platform); i++)
    {
      const UtChange *change = ut_platform_get_change (platform, i);

      if (change->revision <= oldest || change->summary == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, change->summary);
    }

  if (text->len == 0)
    return g_strdup (_("The guide changed after you finished it"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_recheck (UtSummaryPage *self,
                  UtPlatform    *platform)
{
  const UtRegionOffer *offer = ut_platform_get_offer (platform, ut_profile_get_region (self->profile));
  GDateTime *oldest = NULL;
  g_autofree char *date = NULL;

  for (guint i = 0; i < offer->actions->len; i++)
    {
      UtAction *action = g_ptr_array_index (offer->actions, i);
      const UtRecord *record;

      if (!(ut_progress_get_record_flags (self->progress, self->profile, platform, action) &
            UT_RECORD_FLAGS_RECHECK_DUE))
        continue;

      record = ut_profile_lookup_record (self->profile, ut_platform_get_id (platform), ut_action_get_id (action));
      if (oldest == NULL || g_date_time_compare (record->verified_at, oldest) < 0)
        oldest = record->verified_at;
    }

  if (oldest == NULL)
    return g_strdup (_("Platforms sometimes reset settings"));

  date = ut_format_date (oldest);
  /* Translators: %s is a date, e.g. "Verified on 3 November 2025 — platforms sometimes reset settings" */
  return g_strdup_printf (_("Verified on %s — platforms sometimes reset settings"), date);
}

static int
compare_platform_names (gconstpointer a,
                        gconstpointer b)
{
  UtPlatform *platform_a = *(UtPlatform * const *) a;
  UtPlatform *platform_b = *(UtPlatform * const *) b;

  return g_utf8_collate (ut_platform_get_name (platform_a), ut_platform_get_name (platform_b));
}

static void
update_headline (UtSummaryPage *self,
                 const Tally   *total)
{
  g_autofree char *headline = NULL;
  g_autofree char *subtitle = NULL;

  if (total->n_actions > 0)
    /* Translators: the summary's headline, e.g. "12 of 31 steps done" */
    headline = g_strdup_printf (ngettext ("%u of %u step done", "%u of %u steps done", total->n_actions),
                                total->n_done, total->n_actions);
  else
    headline = g_strdup (_("Nothing to do for your platforms"));
  gtk_label_set_label (self->headline_label, headline);

  gtk_level_bar_set_value (self->headline_bar,
                           total->n_actions > 0 ? (double) total->n_done / total->n_actions : 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->headline_bar), total->n_actions > 0);

  /* Translators: under the headline, e.g. "Across 9 platforms in Switzerland"; the second %s
   * is a place with its preposition */
  subtitle = g_strdup_printf (ngettext ("Across %u platform %s", "Across %u platforms %s", total->n_platforms),
                              total->n_platforms, ut_region_get_location (ut_profile_get_region (self->profile)));
  gtk_label_set_label (self->subtitle_label, subtitle);
}

/* Open requests, overdue first by how their due dates fall. */
static void
add_request_rows (UtSummaryPage *self)
{
  g_autoptr(GPtrArray) requests = ut_profile_list_requests (self->profile);
  g_autoptr(UtLegal) legal = ut_legal_load_bundled (NULL);
  g_autoptr(GDate) today = ut_progress_get_today (self->progress);
  guint shown = 0;

  for (guint i = 0; legal != NULL && i < requests->len; i++)
    {
      const UtRequest *request = g_ptr_array_index (requests, i);
      UtPlatform *platform = ut_catalog_lookup (self->catalog, request->platform);
      g_autofree char *due = ut_request_describe_due (request, ut_legal_get_rights (legal, request->region), today);

      if (platform == NULL || due == NULL)
        continue;
      add_platform_row (self, self->requests_group, platform, due);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->requests_group), shown > 0);
}

static void
refresh (UtSummaryPage *self)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GPtrArray) due = g_ptr_array_new ();
  g_autofree Tally *categories = NULL;
  Tally total = { 0, };
  const char * const *ids;
  guint n_categories;

  clear_rows (self);

  if (self->profile == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  n_categories = g_strv_length ((char **) ut_category_names);
  categories = g_new0 (Tally, n_categories);

  /* The profile's total is the core's, the one the window and the command line show too. */
  {
    UtPlatformProgress sum;

    ut_progress_get_profile_progress (self->progress, self->catalog, self->profile, &sum, &total.n_platforms);
    total.n_done = sum.n_done;
    total.n_actions = sum.n_actions;
  }

  ids = ut_profile_get_platforms (self->profile);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      UtPlatform *platform = ut_catalog_lookup (self->catalog, ids[i]);
      UtPlatformProgress progress;
      int category;

      if (platform == NULL)
        continue;

      ut_progress_get_platform_progress (self->progress, self->profile, platform, &progress);

      category = ut_schema_lookup (ut_category_names, ut_platform_get_category (platform));
      if (category >= 0)
        {
          categories[category].n_platforms++;
          categories[category].n_done += progress.n_done;
          categories[category].n_actions += progress.n_actions;
        }

      if (progress.state == UT_PLATFORM_STATE_CHANGED)
        g_ptr_array_add (changed, platform);
      else if (progress.state == UT_PLATFORM_STATE_RECHECK_DUE)
        g_ptr_array_add (due, platform);
    }

  if (total.n_platforms == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  update_headline (self, &total);

  for (guint i = 0; i < n_categories; i++)
    if (categories[i].n_platforms > 0)
      add_category_row (self, ut_category_names[i], &categories[i]);

  g_ptr_array_sort (changed, compare_platform_names);
  for (guint i = 0; i < changed->len; i++)
    {
      UtPlatform *platform = g_ptr_array_index (changed, i);
      g_autofree char *subtitle = describe_changes (self, platform);

      add_platform_row (self, self->changed_group, platform, subtitle);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->changed_group), changed->len > 0);

  g_ptr_array_sort (due, compare_platform_names);
  for (guint i = 0; i < due->len; i++)
    {
      UtPlatform *platform = g_ptr_array_index (due, i);
      g_autofree char *subtitle = describe_recheck (self, platform);

      add_platform_row (self, self->recheck_group, platform, subtitle);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recheck_group), due->len > 0);
  add_request_rows (self);

  gtk_stack_set_visible_child_name (self->stack, "summary");
}

static void
records_changed_cb (UtSummaryPage *self,
                    UtProfile     *profile,
                    const char    *platform_id)
{
  if (profile == self->profile)
    refresh (self);
}

static void
ut_summary_page_constructed (GObject *object)
{
  UtSummaryPage *self = (UtSummaryPage *) object;

  G_OBJECT_CLASS (ut_summary_page_parent_class)->constructed (object);

  g_assert (UT_IS_CATALOG (self->catalog));
  g_assert (UT_IS_PROGRESS (self->progress));

  g_signal_connect_object (self->progress, "records-changed", G_CALLBACK (records_changed_cb),
                           self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
ut_summary_page_dispose (GObject *object)
{
  UtSummaryPage *self = (UtSummaryPage *) object;

  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), UT_TYPE_SUMMARY_PAGE);

  g_clear_object (&self->profile);
  g_clear_object (&self->progress);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (ut_summary_page_parent_class)->dispose (object);
}

static void
ut_summary_page_finalize (GObject *object)
{
  UtSummaryPage *self = (UtSummaryPage *) object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ut_summary_page_parent_class)->finalize (object);
}

static void
ut_summary_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  UtSummaryPage *self = UT_SUMMARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_PROGRESS:
      g_value_set_object (value, self->progress);
      break;

    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ut_summary_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  UtSummaryPage *self = UT_SUMMARY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_PROGRESS:
      self->progress = g_value_dup_object (value);
      break;

    case PROP_PROFILE:
      ut_summary_page_set_profile (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The large icon is an SVG: looking it up loads librsvg (6 MB), which the window's first frame
 * should not pay for while this page is hidden. */
static void
empty_page_mapped_cb (AdwStatusPage *page)
{
  if (adw_status_page_get_icon_name (page) == NULL)
    adw_status_page_set_icon_name (page, "view-list-bullet-symbolic");
}

static void
ut_summary_page_class_init (UtSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ut_summary_page_constructed;
  object_class->dispose = ut_summary_page_dispose;
  object_class->finalize = ut_summary_page_finalize;
  object_class->get_property = ut_summary_page_get_property;
  object_class->set_property = ut_summary_page_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, UT_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_object ("progress", NULL, NULL, UT_TYPE_PROGRESS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, UT_TYPE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UtSummaryPage::platform-activated:
   * @platform: the platform whose row the user chose
   *
   * Asks for @platform's guide to be opened.
   */
  signals[PLATFORM_ACTIVATED] =
    g_signal_new ("platform-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, UT_TYPE_PLATFORM);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UtSummaryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, UtSummaryPage, headline_label);
  gtk_widget_class_bind_template_child (widget_class, UtSummaryPage, headline_bar);
  gtk_widget_class_bind_template_child (widget_class, UtSummaryPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, UtSummaryPage, category_group);
  gtk_widget_class_bind_template_child (widget_class, UtSummaryPage, changed_group);
  gtk_widget_class_bind_template_child (widget_class, UtSummaryPage, recheck_group);
  gtk_widget_class_bind_template_child (widget_class, UtSummaryPage, requests_group);
  gtk_widget_class_bind_template_callback (widget_class, empty_page_mapped_cb);
}

static void
ut_summary_page_init (UtSummaryPage *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  clear_level_offsets (self->headline_bar);
}

UtSummaryPage *
ut_summary_page_new (UtCatalog  *catalog,
                     UtProgress *progress)
{
  g_return_val_if_fail (UT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (UT_IS_PROGRESS (progress), NULL);

  return g_object_new (UT_TYPE_SUMMARY_PAGE,
                       "catalog", catalog,
                       "progress", progress,
                       NULL);
}

UtProfile *
ut_summary_page_get_profile (UtSummaryPage *self)
{
  g_return_val_if_fail (UT_IS_SUMMARY_PAGE (self), NULL);

  return self->profile;
}

void
ut_summary_page_set_profile (UtSummaryPage *self,
                             UtProfile     *profile)
{
  g_return_if_fail (UT_IS_SUMMARY_PAGE (self));
  g_return_if_fail (profile == NULL || UT_IS_PROFILE (profile));

  if (!g_set_object (&self->profile, profile))
    return;

  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

/* What the page says at the top, e.g. "12 of 31 steps done". */
const char *
ut_summary_page_get_headline (UtSummaryPage *self)
{
  g_return_val_if_fail (UT_IS_SUMMARY_PAGE (self), NULL);

  return gtk_label_get_label (self->headline_label);
}
