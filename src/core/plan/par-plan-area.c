/* par-plan-area.c: the seven reform areas of a plan, their keys, numerals and names
 *
 * An area is read as people write it: its key (`procedures`), its numeral
 * (`III`), its number (`3`) or its name in English or Vietnamese, case,
 * diacritics and repeated spaces aside. The CLI and the file keep the key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-plan-area.h"
#include "par-text-fold.h"

#define AREA_CONTEXT "reform area"

typedef struct
{
  const char *key;
  const char *numeral;
  const char *name;         /* NC_() marked: shown in the UI language */
  const char *vi_name;      /* the Vietnamese name, always read */
  const char *vi_variant;   /* another wording local plans use, or NULL */
} AreaInfo;

static const AreaInfo areas[PAR_N_AREAS] = {
  { "direction", "I", NC_ ("reform area", "Direction and management"),
    "Công tác chỉ đạo, điều hành", NULL },
  { "institutions", "II", NC_ ("reform area", "Institutional reform"),
    "Cải cách thể chế", NULL },
  { "procedures", "III", NC_ ("reform area", "Administrative procedure reform"),
    "Cải cách thủ tục hành chính", NULL },
  { "apparatus", "IV", NC_ ("reform area", "Apparatus reform"),
    "Cải cách tổ chức bộ máy", NULL },
  { "civil-service", "V", NC_ ("reform area", "Civil service reform"),
    "Cải cách chế độ công vụ", NULL },
  { "public-finance", "VI", NC_ ("reform area", "Public finance reform"),
    "Cải cách tài chính công", NULL },
  { "digital-government", "VII", NC_ ("reform area", "E-government and digital government"),
    "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số",
    "Xây dựng chính quyền điện tử, chính quyền số" },
};

/* The key stored in the file and printed by the CLI: "procedures". */
const char *
par_area_to_string (ParArea area)
{
  g_return_val_if_fail (area < PAR_N_AREAS, NULL);
  return areas[area].key;
}

/* Exactly a key, as the file keeps it. */
gboolean
par_area_from_string (const char *key,
                      ParArea    *area)
{
  for (guint i = 0; i < PAR_N_AREAS; i++)
    if (g_strcmp0 (key, areas[i].key) == 0)
      {
        *area = i;
        return TRUE;
      }
  return FALSE;
}

/* "I" to "VII". */
const char *
par_area_get_numeral (ParArea area)
{
  g_return_val_if_fail (area < PAR_N_AREAS, NULL);
  return areas[area].numeral;
}

/* The area's name in the UI language. */
const char *
par_area_get_name (ParArea area)
{
  g_return_val_if_fail (area < PAR_N_AREAS, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, AREA_CONTEXT, areas[area].name);
}

static gboolean
same_words (const char *folded,
            const char *candidate)
{
  g_autofree char *other = NULL;

  if (candidate == NULL)
    return FALSE;
  other = par_text_fold_words (candidate);
  return g_str_equal (folded, other);
}

/* Reads an area as a user or a spreadsheet writes it: key, numeral, number
 * (1 to 7), or name in English (also in the UI language) or Vietnamese.
 * FALSE if @text names no area. */
gboolean
par_area_parse (const char *text,
                ParArea    *area)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (area != NULL, FALSE);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  folded = par_text_fold_words (text);
  if (*folded == '\0')
    return FALSE;
  for (guint i = 0; i < PAR_N_AREAS; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      if (g_str_equal (folded, areas[i].key) || g_str_equal (folded, number)
          || same_words (folded, areas[i].numeral) || same_words (folded, areas[i].name)
          || same_words (folded, par_area_get_name (i)) || same_words (folded, areas[i].vi_name)
          || same_words (folded, areas[i].vi_variant))
        {
          *area = i;
          return TRUE;
        }
    }
  return FALSE;
}
