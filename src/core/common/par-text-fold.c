/* par-text-fold.c: text folded for searching: lower case, no diacritics, đ → d
 *
 * Folding maps every character of NFC text to exactly one character, so a
 * match found in the folded text is at the same character offsets in the
 * original: snippets show the words as written ("Quyết định"), while
 * "quyet dinh" finds them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-text-fold.h"

/* One character folded: its base letter in lower case. */
gunichar
par_text_fold_char (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  if (c == 0x0110 || c == 0x0111)   /* Đ đ: a letter of its own, not d with a mark */
    return 'd';
  if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
    c = decomposed[0];
  return g_unichar_tolower (c);
}

/* Folds @text (any normalisation) to one character per NFC character. */
char *
par_text_fold (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFC);
  GString *folded;

  if (nfc == NULL)   /* not UTF-8 */
    return g_strdup ("");
  folded = g_string_sized_new (strlen (nfc));
  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* A stray combining mark has no base letter to fold into. */
      if (g_unichar_ismark (c))
        c = ' ';
      g_string_append_unichar (folded, par_text_fold_char (c));
    }
  return g_string_free (folded, FALSE);
}

/* @text folded (lower case, no diacritics, đ → d) with its runs of spaces
 * made one and none at either end. */
char *
par_text_fold_words (const char *text)
{
  g_autofree char *folded = par_text_fold (text);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\r\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }
  return g_string_free (out, FALSE);
}

/* The first place @query (folded, spaces collapsed) occurs in @text, with
 * @context_chars characters around it, on one line, the match marked
 * with [ ]; NULL if it does not occur. */
char *
par_text_snippet (const char *text,
                  const char *query,
                  guint       context_chars)
{
  g_autofree char *nfc = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFC);
  g_autofree char *folded = NULL;
  g_autofree char *needle = NULL;
  g_auto(GStrv) words = NULL;
  const char *found;
  glong start, length, from, to, n_chars;
  GString *snippet;

  if (nfc == NULL)
    return NULL;
  /* Characters that are not letters or digits count as spaces, as the
   * search index sees them. */
  folded = par_text_fold (nfc);
  for (char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isalnum (g_utf8_get_char (p)) && (guchar) *p < 0x80)
      *p = ' ';
  {
    g_autofree char *folded_query = par_text_fold (query);

    for (char *p = folded_query; *p != '\0'; p++)
      if ((guchar) *p < 0x80 && !g_ascii_isalnum (*p))
        *p = ' ';
    words = g_strsplit (g_strstrip (folded_query), " ", -1);
  }
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) kept = NULL;

    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        g_strv_builder_add (builder, words[i]);
    kept = g_strv_builder_end (builder);
    needle = g_strjoinv (" ", kept);
  }
  if (*needle == '\0')
    return NULL;

  /* Collapse runs of spaces in the folded text by searching word by word. */
  found = strstr (folded, needle);
  if (found == NULL)
    {
      found = strstr (folded, words[0]);
      if (found == NULL)
        return NULL;
      length = g_utf8_strlen (words[0], -1);
    }
  else
    length = g_utf8_strlen (needle, -1);

  start = g_utf8_pointer_to_offset (folded, found);
  n_chars = g_utf8_strlen (nfc, -1);
  from = MAX (0, start - (glong) context_chars);
  to = MIN (n_chars, start + length + (glong) context_chars);

  snippet = g_string_new (from > 0 ? "…" : "");
  for (glong i = from; i < to; i++)
    {
      gunichar c = g_utf8_get_char (g_utf8_offset_to_pointer (nfc, i));

      if (i == start)
        g_string_append_c (snippet, '[');
      g_string_append_unichar (snippet, g_unichar_isspace (c) ? ' ' : c);
      if (i == start + length - 1)
        g_string_append_c (snippet, ']');
    }
  if (to < n_chars)
    g_string_append (snippet, "…");
  return g_string_free (snippet, FALSE);
}
