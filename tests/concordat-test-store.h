/* concordat-test-store.h: a store in a temporary folder, for the core tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "concordat-store.h"

G_BEGIN_DECLS

typedef struct
{
  char           *dir;    /* the temporary folder */
  ConcordatStore *store;  /* dir/concordat.db */
} StoreFixture;

void concordat_test_store_set_up    (StoreFixture  *f,
                                     gconstpointer  data);
void concordat_test_store_tear_down (StoreFixture  *f,
                                     gconstpointer  data);
void concordat_test_remove_tree     (const char    *path);

/* A wizard of one step for a member's visit, finished by the record and
 * reminder tests: three duties, due +1 and +5 working days and on the
 * visit's date. */
extern const char concordat_test_visit_json[];

G_END_DECLS
