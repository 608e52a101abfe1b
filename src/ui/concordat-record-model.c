/* concordat-record-model.c: the record's actions as a list model that
 * reads them from the store a page at a time, and the item it lists.
 *
 * Years of actions may be recorded, so the model never reads them all: its
 * length is a count, and an item is read with the page it is on.  A few
 * pages are kept, for the rows on screen and those either side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-calendar.h"
#include "concordat-record-model.h"

/* Enough for the rows on screen and a screen either way, on any display. */
#define PAGES_KEPT 4

/* --- the item --- */

struct _ConcordatActionItem
{
  GObject  parent_instance;

  gint64   id;
  char    *date;
  char    *wizard;
  char    *wizard_title;
  char    *summary;
};

G_DEFINE_FINAL_TYPE (ConcordatActionItem, concordat_action_item, G_TYPE_OBJECT)

static void
concordat_action_item_finalize (GObject *object)
{
  ConcordatActionItem *self = CONCORDAT_ACTION_ITEM (object);

  g_free (self->date);
  g_free (self->wizard);
  g_free (self->wizard_title);
  g_free (self->summary);

  G_OBJECT_CLASS (concordat_action_item_parent_class)->finalize (object);
}

static void
concordat_action_item_class_init (ConcordatActionItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = concordat_action_item_finalize;
}

static void
concordat_action_item_init (ConcordatActionItem *self)
{
}

static ConcordatActionItem *
concordat_action_item_new (const ConcordatAction *action,
                           const char            *wizard_title)
{
  ConcordatActionItem *self = g_object_new (CONCORDAT_TYPE_ACTION_ITEM, NULL);

  self->id = action->id;
  self->date = g_strdup (action->date);
  self->wizard = g_strdup (action->wizard);
  self->wizard_title = g_strdup (wizard_title);
  self->summary = g_strdup (action->summary);

  return self;
}

gint64
concordat_action_item_get_id (ConcordatActionItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_ACTION_ITEM (self), 0);

  return self->id;
}

/* YYYY-MM-DD */
const char *
concordat_action_item_get_date (ConcordatActionItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_ACTION_ITEM (self), NULL);

  return self->date;
}

const char *
concordat_action_item_get_wizard (ConcordatActionItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_ACTION_ITEM (self), NULL);

  return self->wizard;
}

/* The wizard's title, or its id when Concordat no longer has it. */
const char *
concordat_action_item_get_wizard_title (ConcordatActionItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_ACTION_ITEM (self), NULL);

  return self->wizard_title;
}

const char *
concordat_action_item_get_summary (ConcordatActionItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_ACTION_ITEM (self), NULL);

  return self->summary;
}

/* --- the model --- */

typedef struct
{
  guint      index;
  guint64    used;   /* when last read from, for dropping the oldest */
  GPtrArray *items;
} Page;

struct _ConcordatRecordModel
{
  GObject         parent_instance;

  ConcordatStore *store;
  GPtrArray      *wizards;
  GHashTable     *titles;      /* wizard id → title */

  char           *wizard;      /* the filter's parts, NULL for any */
  char           *from;
  char           *to;
  char           *search;

  guint           n_items;
  guint           n_recorded;
  Page            pages[PAGES_KEPT];
  guint64         uses;
  guint64         rows_read;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ConcordatRecordModel, concordat_record_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_N_RECORDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_pages (ConcordatRecordModel *self)
{
  for (guint i = 0; i < PAGES_KEPT; i++)
    g_clear_pointer (&self->pages[i].items, g_ptr_array_unref);
}

static void
get_filter (ConcordatRecordModel  *self,
            ConcordatActionFilter *filter)
{
  filter->wizard = self->wizard;
  filter->from = self->from;
  filter->to = self->to;
  filter->search = self->search;
}

/* The page to read into: an empty one, or the one used longest ago. */
static Page *
page_to_replace (ConcordatRecordModel *self)
{
  Page *oldest = &self->pages[0];

  for (guint i = 0; i < PAGES_KEPT; i++)
    {
      if (self->pages[i].items == NULL)
        return &self->pages[i];
      if (self->pages[i].used < oldest->used)
        oldest = &self->pages[i];
    }

  return oldest;
}

static Page *
read_page (ConcordatRecordModel *self,
           guint                 index)
{
  ConcordatActionFilter filter;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GError) error = NULL;
  Page *page;

  get_filter (self, &filter);
  actions = concordat_record_list_actions_page (self->store, &filter, index * CONCORDAT_RECORD_MODEL_PAGE_SIZE,
                                                CONCORDAT_RECORD_MODEL_PAGE_SIZE, &error);
  if (actions == NULL)
    {
      g_warning ("Cannot read the record: %s", error->message);
      return NULL;
    }
  self->rows_read += actions->len;

  page = page_to_replace (self);
  g_clear_pointer (&page->items, g_ptr_array_unref);
  page->index = index;
  page->items = g_ptr_array_new_full (actions->len, g_object_unref);
  for (guint i = 0; i < actions->len; i++)
    {
      const ConcordatAction *action = g_ptr_array_index (actions, i);

      g_ptr_array_add (page->items,
                       concordat_action_item_new (action, concordat_record_model_get_wizard_title (self, action->wizard)));
    }

  return page;
}

static Page *
find_page (ConcordatRecordModel *self,
           guint                 index)
{
  for (guint i = 0; i < PAGES_KEPT; i++)
    {
      if (self->pages[i].items != NULL && self->pages[i].index == index)
        return &self->pages[i];
    }

  return NULL;
}

static GType
concordat_record_model_get_item_type (GListModel *model)
{
  return CONCORDAT_TYPE_ACTION_ITEM;
}

static guint
concordat_record_model_get_n_items (GListModel *model)
{
  return CONCORDAT_RECORD_MODEL (model)->n_items;
}

static gpointer
concordat_record_model_get_item (GListModel *model,
                                 guint       position)
{
  ConcordatRecordModel *self = CONCORDAT_RECORD_MODEL (model);
  guint index = position / CONCORDAT_RECORD_MODEL_PAGE_SIZE;
  guint offset = position % CONCORDAT_RECORD_MODEL_PAGE_SIZE;
  Page *page;

  if (position >= self->n_items)
    return NULL;

  page = find_page (self, index);
  if (page == NULL)
    page = read_page (self, index);

  /* The store changed after the count; the reload that follows puts it right. */
  if (page == NULL || offset >= page->items->len)
    return NULL;

  page->used = ++self->uses;
  return g_object_ref (g_ptr_array_index (page->items, offset));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = concordat_record_model_get_item_type;
  iface->get_n_items = concordat_record_model_get_n_items;
  iface->get_item = concordat_record_model_get_item;
}

static void
concordat_record_model_finalize (GObject *object)
{
  ConcordatRecordModel *self = CONCORDAT_RECORD_MODEL (object);

  clear_pages (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->wizards, g_ptr_array_unref);
  g_clear_pointer (&self->titles, g_hash_table_unref);
  g_free (self->wizard);
  g_free (self->from);
  g_free (self->to);
  g_free (self->search);

  G_OBJECT_CLASS (concordat_record_model_parent_class)->finalize (object);
}

static void
concordat_record_model_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ConcordatRecordModel *self = CONCORDAT_RECORD_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_N_RECORDED:
      g_value_set_uint (value, self->n_recorded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concordat_record_model_class_init (ConcordatRecordModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = concordat_record_model_finalize;
  object_class->get_property = concordat_record_model_get_property;

  /**
   * ConcordatRecordModel:n-items:
   *
   * How many actions the filter lets through.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ConcordatRecordModel:n-recorded:
   *
   * How many actions are recorded, whatever the filter.
   */
  properties[PROP_N_RECORDED] =
    g_param_spec_uint ("n-recorded", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
concordat_record_model_init (ConcordatRecordModel *self)
{
  self->titles = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
load_wizards (ConcordatRecordModel *self)
{
  g_autoptr(GError) error = NULL;

  /* Without them the record still lists, by the wizards' ids. */
  self->wizards = concordat_wizard_load_bundled (&error);
  if (self->wizards == NULL)
    {
      g_warning ("Cannot load the wizards: %s", error->message);
      self->wizards = g_ptr_array_new_with_free_func (g_object_unref);
    }

  for (guint i = 0; i < self->wizards->len; i++)
    {
      ConcordatWizard *wizard = g_ptr_array_index (self->wizards, i);

      g_hash_table_insert (self->titles, (gpointer)concordat_wizard_get_id (wizard),
                           (gpointer)concordat_wizard_get_title (wizard));
    }
}

static guint
count (ConcordatRecordModel        *self,
       const ConcordatActionFilter *filter)
{
  g_autoptr(GError) error = NULL;
  gint64 n = concordat_record_count_actions (self->store, filter, &error);

  if (n < 0)
    {
      g_warning ("Cannot count the record: %s", error->message);
      return 0;
    }

  return (guint)MIN (n, G_MAXUINT);
}

/* Whether the first page read again is the old one with @added actions
 * before it: how the record grows, as an action is recorded today. */
static gboolean
grew_at_top (GPtrArray *old_first,
             GPtrArray *new_first,
             guint      added)
{
  guint overlap;

  if (added > new_first->len)
    return FALSE;

  overlap = MIN (old_first->len, new_first->len - added);
  for (guint i = 0; i < overlap; i++)
    {
      ConcordatActionItem *old_item = g_ptr_array_index (old_first, i);
      ConcordatActionItem *new_item = g_ptr_array_index (new_first, i + added);

      if (old_item->id != new_item->id)
        return FALSE;
    }

  return overlap > 0;
}

/* Tells the list what changed: nothing, when a duty or the ledger changed;
 * the new actions at the top, so that the rows on screen keep their place;
 * or, when it cannot tell, that every row is new. */
static void
announce_changes (ConcordatRecordModel *self,
                  guint                 removed,
                  GPtrArray            *old_first)
{
  Page *first;

  if (old_first != NULL && self->n_items >= removed && self->n_items > 0 &&
      (first = read_page (self, 0)) != NULL &&
      grew_at_top (old_first, first->items, self->n_items - removed))
    {
      if (self->n_items > removed)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items - removed);
      return;
    }

  clear_pages (self);
  if (removed > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
}

/* Counts again; @same_filter when the record changed, not the filter, and
 * the list may only have grown at the top. */
static void
reload (ConcordatRecordModel *self,
        gboolean              same_filter)
{
  ConcordatActionFilter filter;
  g_autoptr(GPtrArray) old_first = NULL;
  Page *first;
  guint removed;
  guint n_recorded;

  get_filter (self, &filter);
  removed = self->n_items;
  if (same_filter && (first = find_page (self, 0)) != NULL)
    old_first = g_steal_pointer (&first->items);
  clear_pages (self);

  self->n_items = count (self, &filter);
  n_recorded = self->wizard == NULL && self->from == NULL && self->to == NULL && self->search == NULL
               ? self->n_items : count (self, NULL);
  announce_changes (self, removed, old_first);

  if (removed != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  if (n_recorded != self->n_recorded)
    {
      self->n_recorded = n_recorded;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RECORDED]);
    }
}

/**
 * concordat_record_model_reload:
 *
 * Counts the actions again and forgets what was read, as when the record
 * has changed.
 */
void
concordat_record_model_reload (ConcordatRecordModel *self)
{
  g_return_if_fail (CONCORDAT_IS_RECORD_MODEL (self));

  reload (self, TRUE);
}

/**
 * concordat_record_model_new:
 * @store: the record to list, which the model keeps and follows
 *
 * Returns: (transfer full): every action, newest first, counted but not
 *   yet read
 */
ConcordatRecordModel *
concordat_record_model_new (ConcordatStore *store)
{
  ConcordatRecordModel *self;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);

  self = g_object_new (CONCORDAT_TYPE_RECORD_MODEL, NULL);
  self->store = g_object_ref (store);
  load_wizards (self);

  g_signal_connect_object (store, "changed::record", G_CALLBACK (concordat_record_model_reload),
                           self, G_CONNECT_SWAPPED);
  concordat_record_model_reload (self);

  return self;
}

static gboolean
set_part (char       **part,
          const char  *value)
{
  /* An empty search is no search. */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*part, value) == 0)
    return FALSE;

  g_free (*part);
  *part = g_strdup (value);
  return TRUE;
}

/**
 * concordat_record_model_set_filter:
 * @filter: (nullable): which actions to list; all when %NULL
 *
 * Lists only the actions @filter lets through, counting them again.
 */
void
concordat_record_model_set_filter (ConcordatRecordModel        *self,
                                   const ConcordatActionFilter *filter)
{
  static const ConcordatActionFilter all = { NULL, NULL, NULL, NULL };
  gboolean changed = FALSE;

  g_return_if_fail (CONCORDAT_IS_RECORD_MODEL (self));

  if (filter == NULL)
    filter = &all;

  changed |= set_part (&self->wizard, filter->wizard);
  changed |= set_part (&self->from, filter->from);
  changed |= set_part (&self->to, filter->to);
  changed |= set_part (&self->search, filter->search);

  if (changed)
    reload (self, FALSE);
}

/* How many actions are recorded, whatever the filter. */
guint
concordat_record_model_get_n_recorded (ConcordatRecordModel *self)
{
  g_return_val_if_fail (CONCORDAT_IS_RECORD_MODEL (self), 0);

  return self->n_recorded;
}

/**
 * concordat_record_model_get_wizards:
 *
 * Returns: (transfer none) (element-type ConcordatWizard): the wizards
 *   Concordat has, whose titles the items carry
 */
GPtrArray *
concordat_record_model_get_wizards (ConcordatRecordModel *self)
{
  g_return_val_if_fail (CONCORDAT_IS_RECORD_MODEL (self), NULL);

  return self->wizards;
}

/**
 * concordat_record_model_find_wizard:
 *
 * Returns: (transfer none) (nullable): the wizard with @id, or %NULL when
 *   Concordat no longer has it
 */
ConcordatWizard *
concordat_record_model_find_wizard (ConcordatRecordModel *self,
                                    const char           *id)
{
  g_return_val_if_fail (CONCORDAT_IS_RECORD_MODEL (self), NULL);

  for (guint i = 0; id != NULL && i < self->wizards->len; i++)
    {
      ConcordatWizard *wizard = g_ptr_array_index (self->wizards, i);

      if (g_str_equal (concordat_wizard_get_id (wizard), id))
        return wizard;
    }

  return NULL;
}

/* The wizard's title, or @id when Concordat no longer has it. */
const char *
concordat_record_model_get_wizard_title (ConcordatRecordModel *self,
                                         const char           *id)
{
  const char *title;

  g_return_val_if_fail (CONCORDAT_IS_RECORD_MODEL (self), NULL);

  title = g_hash_table_lookup (self->titles, id);
  return title != NULL ? title : id;
}

/* How many rows the model has read from the store since it was made: for
 * the tests, which check that it reads only the pages asked for. */
guint64
concordat_record_model_get_rows_read (ConcordatRecordModel *self)
{
  g_return_val_if_fail (CONCORDAT_IS_RECORD_MODEL (self), 0);

  return self->rows_read;
}

/**
 * concordat_record_format_day:
 * @day: (nullable): a day as the record keeps it, YYYY-MM-DD
 * @format: a g_date_time_format() format, already translated
 *
 * Returns: (transfer full) (nullable): @day in words, or @day itself when
 *   it is not a date
 */
char *
concordat_record_format_day (const char *day,
                             const char *format)
{
  GDate date;

  g_return_val_if_fail (format != NULL, NULL);

  if (day == NULL || !concordat_calendar_parse_date (day, &date))
    return g_strdup (day);

  return concordat_format_date (&date, format);
}

/**
 * concordat_format_date:
 * @format: a g_date_time_format() format, already translated
 *
 * Returns: (transfer full): @date in words
 */
char *
concordat_format_date (const GDate *date,
                       const char  *format)
{
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (format != NULL, NULL);

  time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
  return g_date_time_format (time, format);
}
