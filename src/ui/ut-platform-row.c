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

/* One platform of the main list: its name, what it offers and how far the profile got, and a
 * badge with its state. The list view recycles rows as it scrolls, so a row is shown a platform
 * with ut_platform_row_set_platform() as often as the list needs, never built for one. */

struct _UtPlatformRow
{
  GtkWidget     parent_instance;

  /* Template widgets */
  GtkLabel     *title;
  GtkLabel     *subtitle;
  GtkLabel     *badge;

  /* Owned references */
  UtPlatform   *platform;
  char         *description;

  const char   *badge_class;
  gboolean      first;
  gboolean      last;
};

G_DEFINE_FINAL_TYPE (UtPlatformRow, ut_platform_row, GTK_TYPE_WIDGET)

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

/* libadwaita 1.2's card shadow (.card, list.boxed-list): offset down, spread, blur, opacity. */
static const struct
{
  float dy, spread, blur, alpha;
} card_shadows[] = {
  { 0, 1, 0, 0.03f },
  { 1, 1, 3, 0.07f },
  { 2, 2, 6, 0.03f },
};

#define CARD_RADIUS       12.f
#define CARD_SHADOW_REACH 12.f  /* past the widest shadow: 2 down, 2 spread, 6 blur */

/* The rows of a list make one card, but each row is drawn on its own: each draws the part of
 * the card's shadow that lies beside it, above the first and below the last, so that the card
 * has one shadow around it and none between its rows. */
static void
snapshot_card_shadow (UtPlatformRow *self,
                      GtkSnapshot   *snapshot)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (self));
  const float reach = CARD_SHADOW_REACH;
  graphene_rect_t bounds, card, clip;
  graphene_size_t top, bottom;
  GskRoundedRect outline;
  float clip_top, clip_bottom, card_top, card_bottom;

  /* The row's box, whose background and separator are the card's slice, holds this widget. */
  if (row == NULL || !gtk_widget_compute_bounds (row, GTK_WIDGET (self), &bounds))
    return;

  /* Past a row that is not at an end of the card, the card goes on and no shadow may show. */
  clip_top = self->first ? bounds.origin.y - reach : bounds.origin.y;
  clip_bottom = bounds.origin.y + bounds.size.height + (self->last ? reach : 0);
  card_top = self->first ? bounds.origin.y : bounds.origin.y - 2 * reach;
  card_bottom = bounds.origin.y + bounds.size.height + (self->last ? 0 : 2 * reach);
  graphene_rect_init (&clip, bounds.origin.x - reach, clip_top, bounds.size.width + 2 * reach, clip_bottom - clip_top);
  graphene_rect_init (&card, bounds.origin.x, card_top, bounds.size.width, card_bottom - card_top);
  top = self->first ? GRAPHENE_SIZE_INIT (CARD_RADIUS, CARD_RADIUS) : GRAPHENE_SIZE_INIT (0, 0);
  bottom = self->last ? GRAPHENE_SIZE_INIT (CARD_RADIUS, CARD_RADIUS) : GRAPHENE_SIZE_INIT (0, 0);
  gsk_rounded_rect_init (&outline, &card, &top, &top, &bottom, &bottom);

  gtk_snapshot_push_clip (snapshot, &clip);
  for (guint i = 0; i < G_N_ELEMENTS (card_shadows); i++)
    {
      GdkRGBA color = { 0, 0, 0, card_shadows[i].alpha };

      gtk_snapshot_append_outset_shadow (snapshot, &outline, &color, 0, card_shadows[i].dy,
                                         card_shadows[i].spread, card_shadows[i].blur);
    }
  gtk_snapshot_pop (snapshot);
}

static void
ut_platform_row_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  snapshot_card_shadow (UT_PLATFORM_ROW (widget), snapshot);

  GTK_WIDGET_CLASS (ut_platform_row_parent_class)->snapshot (widget, snapshot);
}

static void
ut_platform_row_dispose (GObject *object)
{
  UtPlatformRow *self = (UtPlatformRow *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), UT_TYPE_PLATFORM_ROW);
  /* The title and suffix boxes, which the template does not name. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->platform);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (ut_platform_row_parent_class)->dispose (object);
}

static void
ut_platform_row_class_init (UtPlatformRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ut_platform_row_dispose;
  widget_class->snapshot = ut_platform_row_snapshot;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-platform-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UtPlatformRow, title);
  gtk_widget_class_bind_template_child (widget_class, UtPlatformRow, subtitle);
  gtk_widget_class_bind_template_child (widget_class, UtPlatformRow, badge);
  /* "box.header" inside a row is what libadwaita sizes an action row's contents by. */
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
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

UtPlatformRow *
ut_platform_row_new (void)
{
  return g_object_new (UT_TYPE_PLATFORM_ROW, NULL);
}

/**
 * ut_platform_row_set_platform:
 *
 * Shows @platform as @profile stands with it in @progress, in place of what the row showed.
 */
void
ut_platform_row_set_platform (UtPlatformRow *self,
                              UtPlatform    *platform,
                              UtProgress    *progress,
                              UtProfile     *profile)
{
  const UtRegionOffer *offer;
  UtPlatformProgress state;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (UT_IS_PLATFORM_ROW (self));
  g_return_if_fail (UT_IS_PLATFORM (platform));
  g_return_if_fail (UT_IS_PROGRESS (progress));
  g_return_if_fail (UT_IS_PROFILE (profile));

  g_set_object (&self->platform, platform);

  offer = ut_platform_get_offer (platform, ut_profile_get_region (profile));
  ut_progress_get_platform_progress (progress, profile, platform, &state);

  gtk_label_set_label (self->title, ut_platform_get_name (platform));
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
  gtk_label_set_label (self->subtitle, subtitle);

  gtk_label_set_label (self->badge, ut_platform_state_get_label (state.state));
  /* A row shown the platform it showed keeps its style: no restyling for nothing. */
  if (self->badge_class != badge_classes[state.state])
    {
      if (self->badge_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self->badge), self->badge_class);
      self->badge_class = badge_classes[state.state];
      gtk_widget_add_css_class (GTK_WIDGET (self->badge), self->badge_class);
    }

  g_free (self->description);
  self->description = g_strdup_printf ("%s. %s", subtitle, ut_platform_state_get_label (state.state));
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

/**
 * ut_platform_row_set_card_edges:
 * @first: the row is the first of its list
 * @last: the row is the last of its list
 *
 * Where the row is in the card its list makes, for the card's shadow.
 */
void
ut_platform_row_set_card_edges (UtPlatformRow *self,
                                gboolean       first,
                                gboolean       last)
{
  g_return_if_fail (UT_IS_PLATFORM_ROW (self));

  if (self->first == !!first && self->last == !!last)
    return;
  self->first = !!first;
  self->last = !!last;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ut_platform_row_get_description:
 *
 * Returns: what a screen reader says after the platform's name: the row's line and its state
 */
const char *
ut_platform_row_get_description (UtPlatformRow *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM_ROW (self), NULL);
  return self->description;
}
