/* ut-platform-row.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-platform-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-legal.h"
#include "ut-platform-row.h"

struct _UtPlatformRow
{
  AdwActionRow  parent_instance;

  /* Template widgets */
  GtkLabel     *badge;

  /* Owned references */
  UtPlatform   *platform;
};

G_DEFINE_FINAL_TYPE (UtPlatformRow, ut_platform_row, ADW_TYPE_ACTION_ROW)

static const char * const badge_classes[] = { "changed", "recheck", "todo", "done", "nothing" };

const char *
ut_platform_state_get_label (UtPlatformState state)
{
  switch (state)
    {
    case UT_PLATFORM_STATE_CHANGED:
      return _("Changed since you finished");
    case UT_PLATFORM_STATE_RECHECK_DUE:
      return _("Re-check due");
    case UT_PLATFORM_STATE_TODO:
      return _("To do");
    case UT_PLATFORM_STATE_DONE:
      return _("Done");
    case UT_PLATFORM_STATE_NOTHING_TO_DO:
      return _("Nothing to do");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
ut_platform_row_dispose (GObject *object)
{
  UtPlatformRow *self = (UtPlatformRow *) object;

  g_clear_object (&self->platform);

  G_OBJECT_CLASS (ut_platform_row_parent_class)->dispose (object);
}

static void
ut_platform_row_class_init (UtPlatformRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ut_platform_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-platform-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UtPlatformRow, badge);
}

static void
ut_platform_row_init (UtPlatformRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static char *
request_due (UtProgress *progress,
             UtProfile  *profile,
             UtPlatform *platform)
{
  const UtRequest *request = ut_profile_lookup_request (profile, ut_platform_get_id (platform));
  g_autoptr(UtLegal) legal = ut_legal_load_bundled (NULL);
  g_autoptr(GDate) today = ut_progress_get_today (progress);

  if (legal == NULL)
    return NULL;
  return ut_request_describe_due (request, ut_legal_get_rights (legal, request->region), today);
}

/* Rows are cheap and immutable: the platform list replaces a row whenever its records change. */
UtPlatformRow *
ut_platform_row_new (UtPlatform *platform,
                     UtProgress *progress,
                     UtProfile  *profile)
{
  UtPlatformRow *self;
  const UtRegionOffer *offer;
  UtPlatformProgress state;
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (UT_IS_PLATFORM (platform), NULL);
  g_return_val_if_fail (UT_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (UT_IS_PROFILE (profile), NULL);

  self = g_object_new (UT_TYPE_PLATFORM_ROW, NULL);
  self->platform = g_object_ref (platform);

  offer = ut_platform_get_offer (platform, ut_profile_get_region (profile));
  ut_progress_get_platform_progress (progress, profile, platform, &state);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), ut_platform_get_name (platform));
  if (state.n_actions > 0)
    /* Translators: a platform's row, e.g. "Setting available · 1 of 2 steps done" */
    subtitle = g_strdup_printf (ngettext ("%s · %u of %u step done", "%s · %u of %u steps done", state.n_actions),
                                ut_offer_status_get_description (offer->status), state.n_done, state.n_actions);
  else
    subtitle = g_strdup (ut_offer_status_get_description (offer->status));
  /* An open objection is what a person waits for: its due date joins the row's line. */
  if (ut_profile_lookup_request (profile, ut_platform_get_id (platform)) != NULL)
    {
      g_autofree char *due = request_due (progress, profile, platform);

      if (due != NULL)
        {
          char *with_due = g_strdup_printf ("%s · %s", subtitle, due);

          g_free (subtitle);
          subtitle = with_due;
        }
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  gtk_label_set_label (self->badge, ut_platform_state_get_label (state.state));
  gtk_widget_add_css_class (GTK_WIDGET (self->badge), badge_classes[state.state]);

  description = g_strdup_printf ("%s. %s", subtitle, ut_platform_state_get_label (state.state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);

  return self;
}

UtPlatform *
ut_platform_row_get_platform (UtPlatformRow *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM_ROW (self), NULL);
  return self->platform;
}

const char *
ut_platform_row_get_badge (UtPlatformRow *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM_ROW (self), NULL);
  return gtk_label_get_label (self->badge);
}
