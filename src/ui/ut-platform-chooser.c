/* ut-platform-chooser.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-platform-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "ut-catalog-schema.h"
#include "ut-platform-chooser-private.h"

/* The catalog as a checklist, grouped by category, with a search over names, owners and keywords.
 * The list is a GtkListView over a flat model of category headings and platforms, so only the
 * rows on screen exist as widgets, however large the catalog; a search rebuilds the model, never
 * the widgets. What is chosen lives in a set of ids, not in the check buttons, which are
 * recycled as the list scrolls. */

struct _UtPlatformChooser
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkSearchEntry    *search_entry;
  GtkStack          *content_stack;
  GtkListView       *list_view;

  /* Owned references */
  UtCatalog         *catalog;
  GListStore        *entries;        /* GtkStringObject (a category's heading) or UtPlatform */
  GtkSelectionModel *selection;      /* over entries; the list view's model */
  GPtrArray         *categories;     /* per ut_category_names index: GPtrArray of UtPlatform by name */
  GPtrArray         *headings;       /* per ut_category_names index: GtkStringObject */
  GHashTable        *selected;       /* platform id (owned) */
  GHashTable        *bound_checks;   /* GtkCheckButton on screen (borrowed) */
  GHashTable        *bound_headings; /* GtkButton "Select All" on screen (borrowed) */
  guint              n_row_widgets;
};

G_DEFINE_FINAL_TYPE (UtPlatformChooser, ut_platform_chooser, GTK_TYPE_WIDGET)

enum {
  SELECTION_CHANGED,
  LEAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GPtrArray *
category_platforms (UtPlatformChooser *self,
                    const char        *category)
{
  int index = ut_schema_lookup (ut_category_names, category);

  return index >= 0 && self->categories != NULL ? g_ptr_array_index (self->categories, index) : NULL;
}

static gboolean
category_all_selected (UtPlatformChooser *self,
                       const char        *category)
{
  GPtrArray *platforms = category_platforms (self, category);

  for (guint i = 0; platforms != NULL && i < platforms->len; i++)
    if (!g_hash_table_contains (self->selected, ut_platform_get_id (g_ptr_array_index (platforms, i))))
      return FALSE;
  return TRUE;
}

static void
update_heading (UtPlatformChooser *self,
                GtkButton         *select_all)
{
  const char *category = g_object_get_data (G_OBJECT (select_all), "category");
  gboolean all = category_all_selected (self, category);
  g_autofree char *label = NULL;

  gtk_button_set_label (select_all, all ? _("Select None") : _("Select All"));
  /* Translators: accessible name of a category's "Select All" button, e.g. "Select all in Social networks" */
  label = g_strdup_printf (all ? _("Select none in %s") : _("Select all in %s"),
                           ut_category_get_display_name (category));
  gtk_accessible_update_property (GTK_ACCESSIBLE (select_all), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* The bulk button would act on platforms the search hides, so it is only offered unfiltered. */
  gtk_widget_set_visible (GTK_WIDGET (select_all),
                          *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0');
}

static void check_toggled_cb (GtkCheckButton    *check,
                              UtPlatformChooser *self);

static void
sync_check (UtPlatformChooser *self,
            GtkCheckButton    *check)
{
  const char *id = g_object_get_data (G_OBJECT (check), "platform-id");

  g_signal_handlers_block_by_func (check, check_toggled_cb, self);
  gtk_check_button_set_active (check, id != NULL && g_hash_table_contains (self->selected, id));
  g_signal_handlers_unblock_by_func (check, check_toggled_cb, self);
}

/* After the set of chosen ids changed: the rows on screen follow it. */
static void
selection_changed (UtPlatformChooser *self)
{
  GHashTableIter iter;
  gpointer widget;

  g_hash_table_iter_init (&iter, self->bound_checks);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    sync_check (self, widget);
  g_hash_table_iter_init (&iter, self->bound_headings);
  while (g_hash_table_iter_next (&iter, &widget, NULL))
    update_heading (self, widget);

  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
check_toggled_cb (GtkCheckButton    *check,
                  UtPlatformChooser *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "platform-id");

  if (id == NULL)
    return;
  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->selected, g_strdup (id));
  else
    g_hash_table_remove (self->selected, id);
  selection_changed (self);
}

static void
select_all_clicked_cb (GtkButton         *button,
                       UtPlatformChooser *self)
{
  ut_platform_chooser_toggle_category (self, g_object_get_data (G_OBJECT (button), "category"));
}

/* One row widget serves headings and platforms alike, since GtkListView recycles rows across
 * items: bind shows the half that fits the item. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              UtPlatformChooser        *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *select_all = gtk_button_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *owner = gtk_label_new (NULL);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  gtk_widget_add_css_class (heading, "chooser-heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_valign (select_all, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (select_all, "flat");
  g_signal_connect (select_all, "clicked", G_CALLBACK (select_all_clicked_cb), self);
  gtk_box_append (GTK_BOX (heading), title);
  gtk_box_append (GTK_BOX (heading), select_all);

  gtk_widget_add_css_class (check, "chooser-platform");
  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_xalign (GTK_LABEL (owner), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (owner), TRUE);
  gtk_widget_add_css_class (owner, "caption");
  gtk_widget_add_css_class (owner, "dim-label");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), owner);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), labels);
  /* The check is named by the platform's name and described by its owner, as a row would be. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, owner, NULL,
                                  -1);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), check);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  g_object_set_data (G_OBJECT (clamp), "heading", heading);
  g_object_set_data (G_OBJECT (clamp), "title", title);
  g_object_set_data (G_OBJECT (clamp), "select-all", select_all);
  g_object_set_data (G_OBJECT (clamp), "check", check);
  g_object_set_data (G_OBJECT (clamp), "name", name);
  g_object_set_data (G_OBJECT (clamp), "owner", owner);
  gtk_list_item_set_child (item, clamp);
  self->n_row_widgets++;
}

static void
teardown_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 UtPlatformChooser        *self)
{
  self->n_row_widgets--;
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             UtPlatformChooser        *self)
{
  GObject *entry = gtk_list_item_get_item (item);
  GObject *row = G_OBJECT (gtk_list_item_get_child (item));
  GtkWidget *heading = g_object_get_data (row, "heading");
  GtkWidget *check = g_object_get_data (row, "check");
  gboolean is_heading = GTK_IS_STRING_OBJECT (entry);

  gtk_widget_set_visible (heading, is_heading);
  gtk_widget_set_visible (check, !is_heading);
  /* A heading is not something to activate; its button is. */
  gtk_list_item_set_activatable (item, FALSE);

  if (is_heading)
    {
      const char *category = gtk_string_object_get_string (GTK_STRING_OBJECT (entry));
      GtkButton *select_all = g_object_get_data (row, "select-all");

      gtk_label_set_label (g_object_get_data (row, "title"), ut_category_get_display_name (category));
      g_object_set_data (G_OBJECT (select_all), "category", (gpointer) category);
      g_hash_table_add (self->bound_headings, select_all);
      update_heading (self, select_all);
    }
  else
    {
      UtPlatform *platform = UT_PLATFORM (entry);
      const char *owner = ut_platform_get_owner (platform);

      guint position = gtk_list_item_get_position (item);
      g_autoptr(GObject) next = g_list_model_get_item (G_LIST_MODEL (self->entries), position + 1);
      g_autoptr(GObject) previous = position > 0 ? g_list_model_get_item (G_LIST_MODEL (self->entries), position - 1) : NULL;

      /* The platforms under a heading look like one boxed list: round the first and last. */
      if (previous == NULL || GTK_IS_STRING_OBJECT (previous))
        gtk_widget_add_css_class (check, "first");
      else
        gtk_widget_remove_css_class (check, "first");
      if (next == NULL || GTK_IS_STRING_OBJECT (next))
        gtk_widget_add_css_class (check, "last");
      else
        gtk_widget_remove_css_class (check, "last");

      gtk_label_set_label (g_object_get_data (row, "name"), ut_platform_get_name (platform));
      gtk_label_set_label (g_object_get_data (row, "owner"), owner != NULL ? owner : "");
      gtk_widget_set_visible (g_object_get_data (row, "owner"), owner != NULL);
      g_object_set_data (G_OBJECT (check), "platform-id", (gpointer) ut_platform_get_id (platform));
      g_hash_table_add (self->bound_checks, check);
      sync_check (self, GTK_CHECK_BUTTON (check));
    }
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               UtPlatformChooser        *self)
{
  GObject *row = G_OBJECT (gtk_list_item_get_child (item));
  GObject *check = g_object_get_data (row, "check");

  g_object_set_data (check, "platform-id", NULL);
  g_hash_table_remove (self->bound_checks, check);
  g_hash_table_remove (self->bound_headings, g_object_get_data (row, "select-all"));
}

/* Replaces only what lies between the entries that stay at the start and at the end: the list
 * view keeps the rows of those, so a keystroke that narrows a search re-draws little. */
static void
splice_changes (GListStore *store,
                GPtrArray  *wanted)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n = g_list_model_get_n_items (model);
  guint prefix = 0, suffix = 0;

  while (prefix < n && prefix < wanted->len)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, prefix);

      if (item != g_ptr_array_index (wanted, prefix))
        break;
      prefix++;
    }
  while (suffix < n - prefix && suffix < wanted->len - prefix)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, n - 1 - suffix);

      if (item != g_ptr_array_index (wanted, wanted->len - 1 - suffix))
        break;
      suffix++;
    }

  if (prefix + suffix == n && n == wanted->len)
    return;
  /* An empty array has no storage: no pointer arithmetic on it. */
  g_list_store_splice (store, prefix, n - prefix - suffix,
                       wanted->len - prefix - suffix > 0 ? wanted->pdata + prefix : NULL,
                       wanted->len - prefix - suffix);
}

/* The model shows every category with at least one match, its heading first. */
static void
refilter (UtPlatformChooser *self)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();

  for (guint c = 0; self->categories != NULL && c < self->categories->len; c++)
    {
      GPtrArray *platforms = g_ptr_array_index (self->categories, c);
      guint heading_at = shown->len;

      for (guint i = 0; i < platforms->len; i++)
        {
          UtPlatform *platform = g_ptr_array_index (platforms, i);

          if (*needle != '\0' && !ut_platform_matches_search (platform, needle))
            continue;
          if (shown->len == heading_at)
            g_ptr_array_add (shown, g_ptr_array_index (self->headings, c));
          g_ptr_array_add (shown, platform);
        }
    }

  splice_changes (self->entries, shown);
  gtk_stack_set_visible_child_name (self->content_stack, shown->len > 0 || self->catalog == NULL ? "list" : "no-match");
}

static void
search_changed_cb (UtPlatformChooser *self)
{
  refilter (self);
}

/* Escape in the search field clears it; when it is empty, Escape leaves the page. */
static void
stop_search_cb (UtPlatformChooser *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    g_signal_emit (self, signals[LEAVE], 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  UtPlatform *pa = *(UtPlatform **) a;
  UtPlatform *pb = *(UtPlatform **) b;

  return g_utf8_collate (ut_platform_get_name (pa), ut_platform_get_name (pb));
}

/**
 * ut_platform_chooser_set_catalog:
 * @selected: (nullable): ids to start with checked; ids the catalog lacks are dropped
 *
 * Shows @catalog, grouped by category in the vocabulary's order and by name within a category.
 */
void
ut_platform_chooser_set_catalog (UtPlatformChooser  *self,
                                 UtCatalog          *catalog,
                                 const char * const *selected)
{
  GListModel *model;
  guint n;

  g_return_if_fail (UT_IS_PLATFORM_CHOOSER (self));
  g_return_if_fail (UT_IS_CATALOG (catalog));

  g_set_object (&self->catalog, catalog);
  model = G_LIST_MODEL (catalog);
  n = g_list_model_get_n_items (model);

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint c = 0; ut_category_names[c] != NULL; c++)
    g_ptr_array_add (self->categories, g_ptr_array_new_with_free_func (g_object_unref));

  g_hash_table_remove_all (self->selected);
  for (guint i = 0; i < n; i++)
    {
      UtPlatform *platform = g_list_model_get_item (model, i);
      int c = ut_schema_lookup (ut_category_names, ut_platform_get_category (platform));

      if (c < 0)
        {
          g_object_unref (platform);
          continue;
        }
      g_ptr_array_add (g_ptr_array_index (self->categories, c), platform);
      if (selected != NULL && g_strv_contains (selected, ut_platform_get_id (platform)))
        g_hash_table_add (self->selected, g_strdup (ut_platform_get_id (platform)));
    }
  for (guint c = 0; c < self->categories->len; c++)
    g_ptr_array_sort (g_ptr_array_index (self->categories, c), compare_names);

  ut_platform_chooser_reset (self);
  refilter (self);
  selection_changed (self);
}

/**
 * ut_platform_chooser_reset:
 *
 * Starts over as a person opening the page expects: no search, the list at its top, the search
 * field focused.
 */
void
ut_platform_chooser_reset (UtPlatformChooser *self)
{
  g_return_if_fail (UT_IS_PLATFORM_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  refilter (self);
  /* A list view given its model anew starts at the top. Moving its adjustment instead fails
   * while the list is not on screen. */
  if (gtk_list_view_get_model (self->list_view) != NULL)
    {
      gtk_list_view_set_model (self->list_view, NULL);
      gtk_list_view_set_model (self->list_view, self->selection);
    }
}

/* A list view makes rows for its model as soon as it has one, shown or not (up to 200 in GTK
 * 4.8): it gets its model when it first appears, so that onboarding's welcome page and a
 * window that never shows the chooser pay nothing for it. */
static void
list_view_mapped_cb (UtPlatformChooser *self)
{
  if (gtk_list_view_get_model (self->list_view) == NULL)
    gtk_list_view_set_model (self->list_view, self->selection);
}

/* The chosen ids in the catalog's order. */
char **
ut_platform_chooser_dup_selected (UtPlatformChooser *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (UT_IS_PLATFORM_CHOOSER (self), NULL);

  for (guint i = 0; self->catalog != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->catalog)); i++)
    {
      g_autoptr(UtPlatform) platform = g_list_model_get_item (G_LIST_MODEL (self->catalog), i);

      if (g_hash_table_contains (self->selected, ut_platform_get_id (platform)))
        g_strv_builder_add (builder, ut_platform_get_id (platform));
    }

  return g_strv_builder_end (builder);
}

guint
ut_platform_chooser_get_n_selected (UtPlatformChooser *self)
{
  g_return_val_if_fail (UT_IS_PLATFORM_CHOOSER (self), 0);
  return g_hash_table_size (self->selected);
}

void
ut_platform_chooser_set_selected (UtPlatformChooser *self,
                                  const char        *platform_id,
                                  gboolean           selected)
{
  g_return_if_fail (UT_IS_PLATFORM_CHOOSER (self));
  g_return_if_fail (platform_id != NULL);

  if (self->catalog == NULL || ut_catalog_lookup (self->catalog, platform_id) == NULL)
    return;
  if (selected)
    g_hash_table_add (self->selected, g_strdup (ut_platform_get_id (ut_catalog_lookup (self->catalog, platform_id))));
  else
    g_hash_table_remove (self->selected, platform_id);
  selection_changed (self);
}

/* Checks every platform of @category, or unchecks them all when all were checked. */
void
ut_platform_chooser_toggle_category (UtPlatformChooser *self,
                                     const char        *category)
{
  GPtrArray *platforms;
  gboolean select;

  g_return_if_fail (UT_IS_PLATFORM_CHOOSER (self));

  if ((platforms = category_platforms (self, category)) == NULL)
    return;

  select = !category_all_selected (self, category);
  for (guint i = 0; i < platforms->len; i++)
    {
      const char *id = ut_platform_get_id (g_ptr_array_index (platforms, i));

      if (select)
        g_hash_table_add (self->selected, g_strdup (id));
      else
        g_hash_table_remove (self->selected, id);
    }
  selection_changed (self);
}

GListModel *
_ut_platform_chooser_get_entries (UtPlatformChooser *self)
{
  return G_LIST_MODEL (self->entries);
}

/* How many row widgets exist: bounded by the screen, not by the catalog. */
guint
_ut_platform_chooser_get_n_row_widgets (UtPlatformChooser *self)
{
  return self->n_row_widgets;
}

GtkSearchEntry *
_ut_platform_chooser_get_search_entry (UtPlatformChooser *self)
{
  return self->search_entry;
}

gboolean
_ut_platform_chooser_shows_no_match (UtPlatformChooser *self)
{
  return g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "no-match");
}

static gboolean
ut_platform_chooser_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (UT_PLATFORM_CHOOSER (widget)->search_entry));
}

static void
ut_platform_chooser_dispose (GObject *object)
{
  UtPlatformChooser *self = (UtPlatformChooser *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), UT_TYPE_PLATFORM_CHOOSER);
  /* The template's outer box is not a bound child, so the template does not unparent it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->catalog);
  g_clear_object (&self->selection);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_pointer (&self->bound_checks, g_hash_table_unref);
  g_clear_pointer (&self->bound_headings, g_hash_table_unref);

  G_OBJECT_CLASS (ut_platform_chooser_parent_class)->dispose (object);
}

static void
ut_platform_chooser_class_init (UtPlatformChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ut_platform_chooser_dispose;
  widget_class->grab_focus = ut_platform_chooser_grab_focus;

  /**
   * UtPlatformChooser::selection-changed:
   *
   * A platform was checked or unchecked.
   */
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * UtPlatformChooser::leave:
   *
   * Escape in an empty search field: the page around the chooser should go back.
   */
  signals[LEAVE] = g_signal_new ("leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/ut-platform-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, UtPlatformChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UtPlatformChooser, content_stack);
  gtk_widget_class_bind_template_child (widget_class, UtPlatformChooser, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
}

static void
ut_platform_chooser_init (UtPlatformChooser *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_list_store_new (G_TYPE_OBJECT);
  self->selected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bound_checks = g_hash_table_new (NULL, NULL);
  self->bound_headings = g_hash_table_new (NULL, NULL);
  self->headings = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint c = 0; ut_category_names[c] != NULL; c++)
    g_ptr_array_add (self->headings, gtk_string_object_new (ut_category_names[c]));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  self->selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries))));
  g_signal_connect_object (self->list_view, "map", G_CALLBACK (list_view_mapped_cb), self, G_CONNECT_SWAPPED);
  /* Typing anywhere in the list searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
}
