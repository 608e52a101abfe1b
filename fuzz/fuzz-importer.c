/* fuzz-importer.c: libFuzzer target for the protocol importer.  Any bytes
 * either come out as a document whose sections and paragraphs hang
 * together, or are refused with a message naming the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "concordat-importer.h"
#include "fuzz-common.h"

#define SOURCE "protocol.txt"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  concordat_fuzz_init ();
  return 0;
}

static void
check_document (ConcordatParsedDocument *doc)
{
  g_autoptr(GHashTable) citations = g_hash_table_new (g_str_hash, g_str_equal);

  concordat_fuzz_check_text (doc->title, "the title");
  for (guint i = 0; i < doc->sections->len; i++)
    {
      const ConcordatParsedSection *s = g_ptr_array_index (doc->sections, i);

      concordat_fuzz_check_text (s->citation, "a section's citation");
      concordat_fuzz_check_text (s->heading, "a section's heading");
      if (s->parent < -1 || s->parent >= (int) i)
        concordat_fuzz_fail ("section %u has parent %d", i, s->parent);
      if (s->level < 1)
        concordat_fuzz_fail ("section %u has level %d", i, s->level);
    }
  for (guint i = 0; i < doc->paragraphs->len; i++)
    {
      const ConcordatParsedParagraph *p = g_ptr_array_index (doc->paragraphs, i);

      concordat_fuzz_check_text (p->citation, "a paragraph's citation");
      concordat_fuzz_check_text (p->text, "a paragraph's text");
      if (p->section < -1 || p->section >= (int) doc->sections->len)
        concordat_fuzz_fail ("paragraph %s is in section %d of %u", p->citation,
                             p->section, doc->sections->len);
      if (!g_hash_table_add (citations, p->citation))
        concordat_fuzz_fail ("two paragraphs are cited %s", p->citation);
    }
  /* Finding is a linear search: the last paragraph is enough to check it. */
  if (doc->paragraphs->len > 0)
    {
      const ConcordatParsedParagraph *last = g_ptr_array_index (doc->paragraphs, doc->paragraphs->len - 1);

      if (concordat_parsed_document_find (doc, last->citation) != last)
        concordat_fuzz_fail ("paragraph %s is not found by its citation", last->citation);
    }
  for (guint i = 0; i < doc->warnings->len; i++)
    concordat_fuzz_check_text (g_ptr_array_index (doc->warnings, i), "a warning");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordatParsedDocument) doc = NULL;

  g_clear_pointer (&concordat_fuzz_last_error, g_free);
  doc = concordat_importer_parse (bytes, SOURCE, &error);
  if (doc == NULL)
    concordat_fuzz_check_error (error, SOURCE);
  else
    check_document (doc);
  return 0;
}
