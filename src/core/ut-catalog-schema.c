/* ut-catalog-schema.c
 *
 * SPDX-FileCopyrightText: 2026 The Untrain developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ut-catalog-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ut-catalog-schema.h"

/* Indexed by UtOfferStatus and UtActionKind: keep the orders in step with the enums. */
const char * const ut_offer_status_names[] = {
  "opt-out", "object", "no-opt-out", "not-trained", "opt-in", "site-owner-only", NULL
};

const char * const ut_publisher_names[] = {
  "platform", "regulator", "court", "press", "other", NULL
};

const char * const ut_action_kind_names[] = {
  "toggle", "form", "email", "mitigation", "site-owner", NULL
};

const char * const ut_category_names[] = {
  "social", "messaging", "forum", "publishing", "website-builder", "ai-assistant", "creative",
  "work", "developer", "cloud", "media", "devices", "learning", "email", "dating", "shopping",
  "knowledge", "web-crawler", NULL
};

const char * const ut_scope_names[] = {
  "account", "per-blog", "per-site", "per-publication", "per-workspace-admin", "per-device", NULL
};

const char * const ut_form_field_names[] = {
  "name", "email", "username", "account-url", "country", "grounds", "evidence",
  "verification-code", "prompts", NULL
};

int
ut_schema_lookup (const char * const *names,
                  const char         *value)
{
  if (value == NULL)
    return -1;

  for (int i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], value))
      return i;

  return -1;
}

char *
ut_schema_join (const char * const *names)
{
  return g_strjoinv (", ", (char **) names);
}

const char *
ut_offer_status_to_string (UtOfferStatus status)
{
  g_return_val_if_fail (status <= UT_OFFER_SITE_OWNER_ONLY, NULL);

  return ut_offer_status_names[status];
}

/* The short status shown next to a platform in lists. */
const char *
ut_offer_status_get_description (UtOfferStatus status)
{
  switch (status)
    {
    case UT_OFFER_OPT_OUT:
      return _("Setting available");
    case UT_OFFER_OBJECT:
      return _("Objection form");
    case UT_OFFER_NO_OPT_OUT:
      return _("No opt-out");
    case UT_OFFER_NOT_TRAINED:
      return _("Not trained here");
    case UT_OFFER_OPT_IN:
      return _("Off unless you agree");
    case UT_OFFER_SITE_OWNER_ONLY:
      return _("Only for site owners");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* What a guide adds under a region's status about what its steps can and cannot do. It must not
 * repeat the guide's description of the status (ut-wizard.c), and it must be true of every
 * platform with that status: opting out cannot undo past training, but where nothing can be
 * opted out of, saying so would suggest there is a choice.
 *
 * Returns: (nullable): the caveat, or %NULL where none applies */
const char *
ut_offer_status_get_caveat (UtOfferStatus status)
{
  switch (status)
    {
    case UT_OFFER_OPT_OUT:
    case UT_OFFER_OBJECT:
      return _("Opting out only stops future use. It does not remove your data from AI models that were already trained.");
    case UT_OFFER_OPT_IN:
      return _("If you agreed before, saying no now only stops future use. It does not remove your data from AI models that were already trained.");
    case UT_OFFER_NO_OPT_OUT:
      return _("None of this removes your data from AI models that were already trained.");
    case UT_OFFER_NOT_TRAINED:
      return _("Platforms change their rules. If this one does, an updated guide will tell you.");
    case UT_OFFER_SITE_OWNER_ONLY:
      /* Translators: robots.txt and similar signals only ask; they cannot enforce anything */
      return _("AI crawlers follow these signals only if they choose to, and they do not remove what was already collected.");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
ut_action_kind_to_string (UtActionKind kind)
{
  g_return_val_if_fail (kind <= UT_ACTION_KIND_SITE_OWNER, NULL);

  return ut_action_kind_names[kind];
}

/* How a source's publisher is named beside its title in a guide. */
const char *
ut_publisher_get_display_name (UtPublisher publisher)
{
  switch (publisher)
    {
    case UT_PUBLISHER_PLATFORM:
      /* Translators: who published a source: the platform itself */
      return _("Platform");
    case UT_PUBLISHER_REGULATOR:
      return _("Regulator");
    case UT_PUBLISHER_COURT:
      return _("Court");
    case UT_PUBLISHER_PRESS:
      return _("Press");
    case UT_PUBLISHER_OTHER:
      return _("Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
ut_category_get_display_name (const char *category)
{
  static const struct { const char *id; const char *name; } names[] = {
    { "social", N_("Social networks") },
    { "messaging", N_("Messaging") },
    { "forum", N_("Forums and Q&A") },
    { "publishing", N_("Blogs and publishing") },
    { "website-builder", N_("Website builders") },
    { "ai-assistant", N_("AI assistants") },
    { "creative", N_("Creative tools and art") },
    { "work", N_("Work and productivity") },
    { "developer", N_("Developer tools") },
    { "cloud", N_("Cloud storage and sharing") },
    { "media", N_("Music and video") },
    { "devices", N_("Devices and assistants") },
    { "learning", N_("Learning") },
    { "email", N_("E-mail") },
    { "dating", N_("Dating") },
    { "shopping", N_("Shopping") },
    { "knowledge", N_("Encyclopedias and reference") },
    { "web-crawler", N_("Web crawlers, for site owners") },
  };

  g_return_val_if_fail (category != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].id, category))
      return _(names[i].name);

  return category;
}

/**
 * ut_scope_get_description:
 * @scope: (nullable): one of ut_scope_names
 *
 * The sentence a guide adds to a step done more than once, or by someone else.
 *
 * Returns: (nullable): the sentence, or %NULL for "account" (once per account is what every
 *   step means unless it says otherwise) and for a scope this version does not know
 */
const char *
ut_scope_get_description (const char *scope)
{
  if (g_strcmp0 (scope, "per-blog") == 0)
    return _("Do this for each of your blogs.");
  if (g_strcmp0 (scope, "per-site") == 0)
    return _("Do this for each of your sites.");
  if (g_strcmp0 (scope, "per-publication") == 0)
    return _("Do this for each of your publications.");
  if (g_strcmp0 (scope, "per-workspace-admin") == 0)
    return _("Only a workspace owner or administrator can do this.");
  if (g_strcmp0 (scope, "per-device") == 0)
    return _("Do this on each of your devices.");
  return NULL;
}

/**
 * ut_form_field_get_description:
 * @field: one of ut_form_field_names
 *
 * What a form or an e-mail request asks for, as listed after "The form asks for:".
 *
 * Returns: the description, or @field itself if this version does not know it
 */
const char *
ut_form_field_get_description (const char *field)
{
  static const struct { const char *id; const char *text; } fields[] = {
    { "name", N_("your name") },
    { "email", N_("the e-mail address of your account") },
    { "username", N_("your username") },
    { "account-url", N_("a link to your profile") },
    { "country", N_("your country") },
    { "grounds", N_("your reasons") },
    { "evidence", N_("evidence, such as a screenshot") },
    { "verification-code", N_("a code sent to you by e-mail") },
    { "prompts", N_("the prompts you used") },
  };

  g_return_val_if_fail (field != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].id, field))
      return _(fields[i].text);

  return field;
}
