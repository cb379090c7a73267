/* ut-platform-list-view.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-platform-list-view"

#include "config.h"

#include "ut-platform-list-view.h"
#include "ut-platform-row.h"

/* The main window's list of the profile's platforms, with what scrolls along with it: a header
 * above (the profile's progress) and a footer below (a button). It is a GtkListView, so only the
 * rows on screen exist as widgets, however many platforms the profile has; for the list view to
 * know what is on screen it must be what the scrolled window scrolls, so the header and the
 * footer are items of its model too, before and after the platforms.
 *
 * The platforms look like a libadwaita boxed list. libadwaita styles that on GtkListBox's nodes
 * only, so style.css repeats it for these rows, which are told here whether they are the first or
 * the last platform: a recycled row's place among its siblings says nothing about its item's. */

struct _UtPlatformListView
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkWidget      *scroller;
  GtkListView    *list_view;

  /* Owned references */
  GtkWidget      *header;
  GtkWidget      *footer;
  GObject        *header_item;
  GObject        *footer_item;
  GListStore     *sections;   /* GListModel: the header, the shown platforms, the footer */
  GListModel     *shown;      /* UtPlatform */
  UtPlatformList *platforms;  /* whose profile the rows show */
  UtProgress     *progress;
  GPtrArray      *bound;      /* GtkListItem showing a platform (borrowed) */
  guint           change;     /* counts the changes of the shown platforms */
};

G_DEFINE_FINAL_TYPE (UtPlatformListView, ut_platform_list_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HEADER,
  PROP_FOOTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PLATFORM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListModel *
single_item (GObject *item)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);

  g_list_store_append (store, item);
  return G_LIST_MODEL (store);
}

/* The row widget GtkListView puts a list item's child in: it is the row node that is focused,
 * activated and read out, so the boxed-list classes and the platform's name go there. */
static GtkWidget *
row_of (GtkListItem *item)
{
  return gtk_widget_get_parent (gtk_list_item_get_child (item));
}

static void
update_edges (UtPlatformListView *self,
              GtkListItem        *item)
{
  GtkWidget *row = row_of (item);
  guint index = gtk_list_item_get_position (item) - 1;  /* the header comes first */
  gboolean first = index == 0;
  gboolean last = index + 1 == g_list_model_get_n_items (self->shown);

  gtk_widget_add_css_class (row, "platform");
  if (first)
    gtk_widget_add_css_class (row, "first");
  else
    gtk_widget_remove_css_class (row, "first");
  if (last)
    gtk_widget_add_css_class (row, "last");
  else
    gtk_widget_remove_css_class (row, "last");
  ut_platform_row_set_card_edges (UT_PLATFORM_ROW (gtk_list_item_get_child (item)), first, last);
}

static void
show_platform (UtPlatformListView *self,
               GtkListItem        *item)
{
  UtPlatformRow *child = UT_PLATFORM_ROW (gtk_list_item_get_child (item));
  UtPlatform *platform = gtk_list_item_get_item (item);

  ut_platform_row_set_platform (child, platform, self->progress, ut_platform_list_get_profile (self->platforms));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row_of (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, ut_platform_get_name (platform),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, ut_platform_row_get_description (child),
                                  -1);
  update_edges (self, item);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              UtPlatformListView       *self)
{
  gtk_list_item_set_child (item, GTK_WIDGET (ut_platform_row_new ()));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             UtPlatformListView       *self)
{
  GObject *entry = gtk_list_item_get_item (item);
  gboolean is_platform = UT_IS_PLATFORM (entry);

  /* The header and the footer are no rows to move to or activate; the footer's button is
   * focused as any button is. */
  gtk_list_item_set_activatable (item, is_platform);
  gtk_list_item_set_selectable (item, is_platform);
  if (!is_platform)
    {
      gtk_list_item_set_child (item, entry == self->header_item ? self->header : self->footer);
      return;
    }

  if (!UT_IS_PLATFORM_ROW (gtk_list_item_get_child (item)))
    gtk_list_item_set_child (item, GTK_WIDGET (ut_platform_row_new ()));
  show_platform (self, item);
  g_object_set_data (G_OBJECT (item), "bound-in-change", GUINT_TO_POINTER (self->change));
  if (!g_ptr_array_find (self->bound, item, NULL))
    g_ptr_array_add (self->bound, item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               UtPlatformListView       *self)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  /* Given back, for the row that shows the header or footer next. */
  if (child != NULL && (child == self->header || child == self->footer))
    {
      gtk_list_item_set_child (item, NULL);
      return;
    }

  if (child != NULL)
    {
      GtkWidget *row = row_of (item);

      gtk_widget_remove_css_class (row, "platform");
      gtk_widget_remove_css_class (row, "first");
      gtk_widget_remove_css_class (row, "last");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  g_ptr_array_remove_fast (self->bound, item);
}

/* Whether the list view left a row showing an item it no longer has where the row is. GTK 4.8
 * does, when a change removes the item its scrolling is anchored to (a search typed far down the
 * list): the row stays, unbound, in the place of another item. */
static gboolean
has_stale_row (UtPlatformListView *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->list_view));

  for (guint i = 0; i < self->bound->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->bound, i);
      g_autoptr(GObject) shown = g_list_model_get_item (model, gtk_list_item_get_position (item));

      if (shown != gtk_list_item_get_item (item))
        return TRUE;
    }

  return FALSE;
}

/* A platform's records changed (the same item, replaced), the profile changed, or a search
 * changed the rows around a row: the rows on screen follow. The list view may keep the row of an
 * item that is replaced by itself without binding it again, and a row whose item stays may have
 * become the first or last; the rows it bound in this change are already up to date. */
static void
shown_changed_cb (UtPlatformListView *self,
                  guint               position,
                  guint               removed,
                  guint               added)
{
  if (has_stale_row (self))
    {
      g_autoptr(GtkSelectionModel) model = g_object_ref (gtk_list_view_get_model (self->list_view));

      /* Rows made anew, from the top. */
      gtk_list_view_set_model (self->list_view, NULL);
      gtk_list_view_set_model (self->list_view, model);
      return;
    }

  for (guint i = 0; i < self->bound->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->bound, i);
      guint index = gtk_list_item_get_position (item) - 1;
      guint bound_in = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "bound-in-change"));

      if (bound_in == self->change)
        continue;
      if (index >= position && index < position + added)
        show_platform (self, item);
      else
        update_edges (self, item);
    }
}

/* Before the list view hears of a change: the rows it binds for it are marked with it. */
static void
shown_changing_cb (UtPlatformListView *self)
{
  self->change++;
}

/* The bound platform row at the start or the end of what the list view made rows for. */
static GtkWidget *
edge_platform_row (UtPlatformListView *self,
                   gboolean            last)
{
  GtkListItem *edge = NULL;

  for (guint i = 0; i < self->bound->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->bound, i);

      if (edge == NULL ||
          (last ? gtk_list_item_get_position (item) > gtk_list_item_get_position (edge)
                : gtk_list_item_get_position (item) < gtk_list_item_get_position (edge)))
        edge = item;
    }

  return edge != NULL ? row_of (edge) : NULL;
}

/* Coming into the list, the list view would start at its first item, the header, which takes no
 * focus, and give up: the first platform takes it instead, or coming back from below, the
 * footer's button as it did when it followed the list. */
static gboolean
ut_platform_list_view_focus (GtkWidget        *widget,
                             GtkDirectionType  direction)
{
  UtPlatformListView *self = UT_PLATFORM_LIST_VIEW (widget);
  gboolean backward = direction == GTK_DIR_TAB_BACKWARD || direction == GTK_DIR_UP;
  GtkWidget *target;

  if (gtk_widget_get_focus_child (widget) != NULL)
    return GTK_WIDGET_CLASS (ut_platform_list_view_parent_class)->focus (widget, direction);

  if (backward && self->footer != NULL && gtk_widget_get_parent (self->footer) != NULL)
    target = self->footer;
  else
    target = edge_platform_row (self, backward);

  if (target != NULL && gtk_widget_grab_focus (target))
    return TRUE;
  return GTK_WIDGET_CLASS (ut_platform_list_view_parent_class)->focus (widget, direction);
}

/* Space opens a platform as Enter does, as it did on a list box's row; a list view's row would
 * take it for selecting. */
static gboolean
space_cb (GtkWidget *list_view,
          GVariant  *arguments,
          gpointer   user_data)
{
  UtPlatformListView *self = user_data;
  GtkWidget *row = gtk_widget_get_focus_child (list_view);
  GtkWidget *child = row != NULL ? gtk_widget_get_first_child (row) : NULL;

  if (!UT_IS_PLATFORM_ROW (child) || !gtk_widget_is_focus (row))
    return FALSE;
  g_signal_emit (self, signals[PLATFORM_ACTIVATED], 0, ut_platform_row_get_platform (UT_PLATFORM_ROW (child)));
  return TRUE;
}

static void
activate_cb (UtPlatformListView *self,
             guint               position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (self->list_view)), position);

  if (UT_IS_PLATFORM (item))
    g_signal_emit (self, signals[PLATFORM_ACTIVATED], 0, item);
}

static void
stop_following (UtPlatformListView *self)
{
  if (self->shown == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->shown, shown_changing_cb, self);
  g_signal_handlers_disconnect_by_func (self->shown, shown_changed_cb, self);
}

/**
 * ut_platform_list_view_set_model:
 * @shown: (nullable): the platforms to list, of @platforms; %NULL lists none
 * @platforms: (nullable): the profile's platforms, which tell the rows whose progress they show
 *
 * Lists @shown, as @progress records them for the profile of @platforms.
 */
void
ut_platform_list_view_set_model (UtPlatformListView *self,
                                 GListModel         *shown,
                                 UtPlatformList     *platforms,
                                 UtProgress         *progress)
{
  g_autoptr(GListModel) empty = NULL;

  g_return_if_fail (UT_IS_PLATFORM_LIST_VIEW (self));
  g_return_if_fail (shown == NULL || (UT_IS_PLATFORM_LIST (platforms) && UT_IS_PROGRESS (progress)));

  stop_following (self);
  g_set_object (&self->platforms, platforms);
  g_set_object (&self->progress, progress);
  if (shown == NULL)
    shown = empty = G_LIST_MODEL (g_list_store_new (UT_TYPE_PLATFORM));
  g_set_object (&self->shown, shown);
  /* Handlers run in the order they were connected: one before the list view's, one after, when
   * the rows know their new places. */
  g_signal_connect_object (shown, "items-changed", G_CALLBACK (shown_changing_cb), self, G_CONNECT_SWAPPED);
  g_list_store_splice (self->sections, 1, 1, (gpointer *) &shown, 1);
  g_signal_connect_object (shown, "items-changed", G_CALLBACK (shown_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkListView *
ut_platform_list_view_get_list_view (UtPlatformListView *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM_LIST_VIEW (self), NULL);
  return self->list_view;
}

static void
set_end_widget (GtkWidget **end,
                GtkWidget  *widget)
{
  if (widget != NULL)
    g_object_ref_sink (widget);
  g_clear_object (end);
  *end = widget;
}

static void
ut_platform_list_view_dispose (GObject *object)
{
  UtPlatformListView *self = (UtPlatformListView *) object;

  stop_following (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), UT_TYPE_PLATFORM_LIST_VIEW);
  g_clear_object (&self->header);
  g_clear_object (&self->footer);
  g_clear_object (&self->header_item);
  g_clear_object (&self->footer_item);
  g_clear_object (&self->sections);
  g_clear_object (&self->shown);
  g_clear_object (&self->platforms);
  g_clear_object (&self->progress);
  g_clear_pointer (&self->bound, g_ptr_array_unref);

  G_OBJECT_CLASS (ut_platform_list_view_parent_class)->dispose (object);
}

static void
ut_platform_list_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  UtPlatformListView *self = UT_PLATFORM_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_HEADER:
      set_end_widget (&self->header, g_value_get_object (value));
      break;

    case PROP_FOOTER:
      set_end_widget (&self->footer, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ut_platform_list_view_class_init (UtPlatformListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ut_platform_list_view_dispose;
  object_class->set_property = ut_platform_list_view_set_property;
  widget_class->focus = ut_platform_list_view_focus;

  /**
   * UtPlatformListView:header:
   *
   * What scrolls above the platforms.
   */
  properties[PROP_HEADER] =
    g_param_spec_object ("header", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * UtPlatformListView:footer:
   *
   * What scrolls below the platforms.
   */
  properties[PROP_FOOTER] =
    g_param_spec_object ("footer", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UtPlatformListView::platform-activated:
   * @platform: the platform of the row
   *
   * A row was activated: clicked, or Enter or Space on it.
   */
  signals[PLATFORM_ACTIVATED] =
    g_signal_new ("platform-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, UT_TYPE_PLATFORM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-platform-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, UtPlatformListView, scroller);
  gtk_widget_class_bind_template_child (widget_class, UtPlatformListView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ut_platform_list_view_init (UtPlatformListView *self)
{
  g_autoptr(GListModel) header = NULL;
  g_autoptr(GListModel) shown = NULL;
  g_autoptr(GListModel) footer = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkEventController *shortcuts;

  self->header_item = g_object_new (G_TYPE_OBJECT, NULL);
  self->footer_item = g_object_new (G_TYPE_OBJECT, NULL);
  self->bound = g_ptr_array_new ();
  self->sections = g_list_store_new (G_TYPE_LIST_MODEL);
  header = single_item (self->header_item);
  shown = G_LIST_MODEL (g_list_store_new (UT_TYPE_PLATFORM));
  footer = single_item (self->footer_item);
  g_list_store_append (self->sections, header);
  g_list_store_append (self->sections, shown);
  g_list_store_append (self->sections, footer);
  self->shown = g_steal_pointer (&shown);

  gtk_widget_init_template (GTK_WIDGET (self));
  selection = gtk_no_selection_new (G_LIST_MODEL (gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->sections)))));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  /* Before the row's own handling of the key, which selects. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_KP_Space, 0)),
                                                          gtk_callback_action_new (space_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);
}
