/* par-demo-inspections.c: the sample office's inspections of the year, for par-demo.c
 *
 * The steering committee inspects five units in 2025 with teams drawn from
 * its members, some people on several teams (never on the same days); one
 * inspection is cancelled. The findings lead to recommendations in every
 * state: closed on time, closed late, overdue and still open; one closed
 * recommendation has the unit's document as its evidence (par-demo.c
 * keeps the document, then calls par_demo_inspections_link()). Three of
 * them name the PAR Index items they cover.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-demo-inspections.h"
#include "par-demo-task-items.h"
#include "par-directory.h"
#include "par-evidence-links.h"
#include "par-inspection-follow-up.h"
#include "par-inspection-items.h"
#include "par-inspections.h"
#include "par-plan-rules.h"
#include "par-staff-contact.h"

typedef struct
{
  const char *unit;
  const char *first;
  const char *last;
  const char *title;
  const char *scope;
  const char *team;        /* "L:name|D:name|M:name|S:name" */
  gboolean    cancelled;
} DemoInspection;

typedef struct
{
  int         inspection;   /* index in demo_inspections */
  const char *finding;      /* or NULL */
  const char *criterion;
  const char *recommendation;
  const char *unit;
  const char *deadline;
  const char *closed_on;    /* or NULL */
  const char *follow_up;
} DemoFollowUp;

static const DemoInspection demo_inspections[] = {
  { "STP", "2025-03-10", "2025-03-11", "Kiểm tra công tác cải cách hành chính năm 2025 tại Sở Tư pháp",
    "Công tác chỉ đạo, điều hành; cải cách thủ tục hành chính; thực hiện cơ chế một cửa, một cửa liên thông",
    "L:Lê Quang Minh|D:Phạm Thị Lan Anh|M:Hoàng Đức Thắng|M:Võ Thị Mai|S:Đặng Văn Tùng", FALSE },
  { "SYT", "2025-03-12", "2025-03-13", "Kiểm tra công tác cải cách hành chính năm 2025 tại Sở Y tế",
    "Cải cách thủ tục hành chính; chuyển đổi số trong giải quyết thủ tục hành chính",
    "L:Phan Văn Long|D:Ngô Minh Tuấn|M:Võ Thị Mai|M:Đỗ Thị Ngọc|S:Đặng Văn Tùng", FALSE },
  { "HDS", "2025-05-20", "2025-05-21", "Kiểm tra công tác cải cách hành chính năm 2025 tại UBND huyện Đông Sơn",
    "Công tác chỉ đạo, điều hành; cải cách tổ chức bộ máy; cải cách chế độ công vụ",
    "L:Lê Quang Minh|M:Hoàng Đức Thắng|M:Mai Thị Kim Oanh|S:Võ Thị Mai", FALSE },
  { "TPLG", "2025-06-10", "2025-06-11", "Kiểm tra công tác cải cách hành chính năm 2025 tại UBND thành phố Lam Giang",
    "Cải cách thủ tục hành chính", "L:Vũ Hải Đăng|M:Hoàng Đức Thắng|M:Lý Thị Thanh", TRUE },
  { "STTTT", "2025-09-16", "2025-09-17",
    "Kiểm tra công tác cải cách hành chính năm 2025 tại Sở Thông tin và Truyền thông",
    "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
    "L:Lê Quang Minh|D:Phạm Thị Lan Anh|M:Đỗ Thị Ngọc|S:Đặng Văn Tùng", FALSE },
};

static const DemoFollowUp demo_follow_ups[] = {
  { 0, "Chưa ban hành kế hoạch tự kiểm tra công tác cải cách hành chính năm 2025", "1.3",
    "Ban hành kế hoạch tự kiểm tra công tác cải cách hành chính năm 2025", "STP", "2025-04-30", "2025-05-06",
    "Đã ban hành Kế hoạch số 12/KH-STP ngày 06/5/2025" },
  { 0, "Một số thủ tục hành chính chưa được công khai đầy đủ trên Cổng Dịch vụ công", "3.2",
    "Rà soát, công khai đầy đủ thủ tục hành chính trên Cổng Dịch vụ công", "STP", "2025-06-30", "2025-06-20",
    "Đã công khai 100% thủ tục hành chính thuộc thẩm quyền" },
  { 1, "Chưa niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa", "3.2",
    "Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa", "SYT", "2025-04-15", NULL, NULL },
  { 2, "Chưa kịp thời cập nhật vị trí việc làm sau sắp xếp bộ máy", "4.1",
    "Cập nhật đề án vị trí việc làm", "HDS", "2025-09-30", NULL, NULL },
  { 4, NULL, NULL, "Đưa 100% hồ sơ công việc lên môi trường mạng", "STTTT", "2025-12-31", NULL, NULL },
};

/* The items of the departments' set each inspection covers, by its index. */
static const struct
{
  int         inspection;
  const char *items;
} demo_inspection_items[] = {
  { 0, "1.1.1,3.2.2,3.3.2" }, { 1, "3.2.2,3.3.4,7.2.1" }, { 4, "7.1.1,7.1.2,7.4" },
};

static gint64
staff_id (GPtrArray  *staff,
          const char *name)
{
  for (guint i = 0; i < staff->len; i++)
    {
      ParStaffEntry *entry = g_ptr_array_index (staff, i);

      if (g_strcmp0 (entry->name, name) == 0)
        return entry->id;
    }
  g_return_val_if_reached (0);
}

static gint64
add_inspection (ParDatabase          *db,
                GHashTable           *unit_ids,
                GPtrArray            *staff,
                const DemoInspection *d,
                GError              **error)
{
  g_auto(GStrv) seats = g_strsplit (d->team, "|", -1);
  g_autoptr(GArray) team = g_array_new (FALSE, FALSE, sizeof (ParTeamSeat));
  ParInspectionSpec spec = { 0 };
  gint64 id;

  for (guint i = 0; seats[i] != NULL; i++)
    {
      ParTeamSeat seat;

      seat.role = seats[i][0] == 'L' ? PAR_TEAM_ROLE_LEADER : seats[i][0] == 'D' ? PAR_TEAM_ROLE_DEPUTY
                  : seats[i][0] == 'M' ? PAR_TEAM_ROLE_MEMBER : PAR_TEAM_ROLE_SECRETARY;
      seat.staff_id = staff_id (staff, seats[i] + 2);
      g_array_append_val (team, seat);
    }
  spec.unit_id = GPOINTER_TO_SIZE (g_hash_table_lookup (unit_ids, d->unit));
  par_plan_parse_date (d->first, &spec.first);
  par_plan_parse_date (d->last, &spec.last);
  spec.title = d->title;
  spec.scope = d->scope;
  spec.team = (const ParTeamSeat *) (gpointer) team->data;
  spec.n_team = team->len;
  /* The sample plans none that clashes: a clash here is a mistake in the sample. */
  id = par_inspections_add (db, &spec, FALSE, NULL, error);
  if (id != 0 && d->cancelled && !par_inspections_cancel (db, id, error))
    return 0;
  return id;
}

static gboolean
add_follow_up (ParDatabase        *db,
               GHashTable         *unit_ids,
               gint64              inspection,
               const DemoFollowUp *d,
               GError            **error)
{
  gint64 unit = GPOINTER_TO_SIZE (g_hash_table_lookup (unit_ids, d->unit));
  gint64 finding = 0, recommendation;
  GDate deadline, closed;

  if (d->finding != NULL && (finding = par_findings_add (db, inspection, d->finding, d->criterion, error)) == 0)
    return FALSE;
  par_plan_parse_date (d->deadline, &deadline);
  recommendation = par_recommendations_add (db, inspection, d->recommendation, unit, &deadline, finding, error);
  if (recommendation == 0)
    return FALSE;
  if (d->closed_on == NULL)
    return TRUE;
  par_plan_parse_date (d->closed_on, &closed);
  return par_recommendations_close (db, recommendation, &closed, d->follow_up, error);
}

static gboolean
link_items (ParDatabase   *db,
            const gint64  *ids,
            GError       **error)
{
  g_autoptr(ParCriteriaSet) set = par_demo_find_department_set (db, 2025, error);

  if (set == NULL)
    return error == NULL || *error == NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (demo_inspection_items); i++)
    {
      g_autoptr(GArray) nodes = par_demo_item_ids (set, demo_inspection_items[i].items);

      g_return_val_if_fail (nodes != NULL, FALSE);
      if (!par_inspection_items_set (db, ids[demo_inspection_items[i].inspection],
                                     (const gint64 *) (gpointer) nodes->data, nodes->len, error))
        return FALSE;
    }
  return TRUE;
}

/* The year's inspections, their findings and recommendations; @unit_ids
 * maps the sample's unit codes to their ids. */
gboolean
par_demo_inspections_fill (ParDatabase  *db,
                           GHashTable   *unit_ids,
                           GError      **error)
{
  g_autoptr(GPtrArray) staff = par_directory_list_staff_entries (db, 0, error);
  gint64 ids[G_N_ELEMENTS (demo_inspections)];

  if (staff == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (demo_inspections); i++)
    if ((ids[i] = add_inspection (db, unit_ids, staff, &demo_inspections[i], error)) == 0)
      return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (demo_follow_ups); i++)
    if (!add_follow_up (db, unit_ids, ids[demo_follow_ups[i].inspection], &demo_follow_ups[i], error))
      return FALSE;
  return link_items (db, ids, error);
}

/* Links @document_id to the recommendation whose text is @recommendation. */
gboolean
par_demo_inspections_link (ParDatabase  *db,
                           gint64        document_id,
                           const char   *recommendation,
                           GError      **error)
{
  g_autoptr(GPtrArray) all = par_recommendations_list (db, 0, 0, error);

  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      ParRecommendation *r = g_ptr_array_index (all, i);
      g_autoptr(ParLinkTarget) target = NULL;

      if (!g_str_equal (r->text, recommendation))
        continue;
      target = par_link_target_new_recommendation (r->id);
      return par_evidence_link (db, document_id, target, error);
    }
  g_return_val_if_reached (FALSE);   /* a mistake in the sample */
}
