/* par-demo.c: a realistic sample office for newcomers and screenshots
 *
 * The province, its units and people are invented; the shape follows a real
 * provincial People's Committee and its Department of Home Affairs, which
 * runs the reform work and appraises the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-database-private.h"
#include "par-demo.h"
#include "par-directory.h"

typedef struct
{
  const char  *code;
  const char  *parent;
  const char  *name;
  ParUnitLevel level;
} DemoUnit;

typedef struct
{
  const char  *unit;
  const char  *full_name;
  const char  *title;
  ParStaffRole role;
} DemoStaff;

static const DemoUnit demo_units[] = {
  { "UBND", NULL, "Ủy ban nhân dân tỉnh Sông Lam", PAR_UNIT_LEVEL_PROVINCE },
  { "VP", "UBND", "Văn phòng Ủy ban nhân dân tỉnh", PAR_UNIT_LEVEL_OFFICE },
  { "SNV", "UBND", "Sở Nội vụ", PAR_UNIT_LEVEL_DEPARTMENT },
  { "SNV-CCHC", "SNV", "Phòng Cải cách hành chính", PAR_UNIT_LEVEL_OFFICE },
  { "SNV-TCBM", "SNV", "Phòng Tổ chức bộ máy", PAR_UNIT_LEVEL_OFFICE },
  { "STP", "UBND", "Sở Tư pháp", PAR_UNIT_LEVEL_DEPARTMENT },
  { "STC", "UBND", "Sở Tài chính", PAR_UNIT_LEVEL_DEPARTMENT },
  { "SKHDT", "UBND", "Sở Kế hoạch và Đầu tư", PAR_UNIT_LEVEL_DEPARTMENT },
  { "STTTT", "UBND", "Sở Thông tin và Truyền thông", PAR_UNIT_LEVEL_DEPARTMENT },
  { "SYT", "UBND", "Sở Y tế", PAR_UNIT_LEVEL_DEPARTMENT },
  { "SGDDT", "UBND", "Sở Giáo dục và Đào tạo", PAR_UNIT_LEVEL_DEPARTMENT },
  { "TPLG", "UBND", "Ủy ban nhân dân thành phố Lam Giang", PAR_UNIT_LEVEL_DISTRICT },
  { "TPLG-HD", "TPLG", "Ủy ban nhân dân phường Hưng Dũng", PAR_UNIT_LEVEL_COMMUNE },
  { "TPLG-BT", "TPLG", "Ủy ban nhân dân phường Bến Thủy", PAR_UNIT_LEVEL_COMMUNE },
  { "HDS", "UBND", "Ủy ban nhân dân huyện Đông Sơn", PAR_UNIT_LEVEL_DISTRICT },
  { "HDS-DT", "HDS", "Ủy ban nhân dân xã Đông Tiến", PAR_UNIT_LEVEL_COMMUNE },
  { "HDS-DH", "HDS", "Ủy ban nhân dân xã Đông Hòa", PAR_UNIT_LEVEL_COMMUNE },
  { "HTL", "UBND", "Ủy ban nhân dân huyện Thanh Liêm", PAR_UNIT_LEVEL_DISTRICT },
};

static const DemoStaff demo_staff[] = {
  { "UBND", "Trần Văn Hùng", "Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo CCHC", PAR_STAFF_ROLE_LEADER },
  { "SNV", "Nguyễn Thị Thu Hà", "Giám đốc Sở Nội vụ", PAR_STAFF_ROLE_LEADER },
  { "SNV", "Lê Quang Minh", "Phó Giám đốc Sở Nội vụ", PAR_STAFF_ROLE_STEERING_MEMBER },
  { "SNV-CCHC", "Phạm Thị Lan Anh", "Trưởng phòng Cải cách hành chính", PAR_STAFF_ROLE_PAR_OFFICER },
  { "SNV-CCHC", "Hoàng Đức Thắng", "Phó Trưởng phòng", PAR_STAFF_ROLE_PAR_OFFICER },
  { "SNV-CCHC", "Võ Thị Mai", "Chuyên viên", PAR_STAFF_ROLE_PAR_OFFICER },
  { "SNV-CCHC", "Đặng Văn Tùng", "Chuyên viên", PAR_STAFF_ROLE_STAFF },
  { "SNV-TCBM", "Bùi Thị Hồng", "Trưởng phòng Tổ chức bộ máy", PAR_STAFF_ROLE_STAFF },
  { "VP", "Ngô Minh Tuấn", "Phó Chánh Văn phòng", PAR_STAFF_ROLE_STEERING_MEMBER },
  { "VP", "Đỗ Thị Ngọc", "Chuyên viên Phòng Kiểm soát TTHC", PAR_STAFF_ROLE_PAR_OFFICER },
  { "STP", "Phan Văn Long", "Phó Giám đốc Sở Tư pháp", PAR_STAFF_ROLE_STEERING_MEMBER },
  { "STP", "Lý Thị Thanh", "Chuyên viên Phòng Xây dựng và Kiểm tra VBQPPL", PAR_STAFF_ROLE_PAR_OFFICER },
  { "STC", "Vũ Hải Đăng", "Phó Giám đốc Sở Tài chính", PAR_STAFF_ROLE_STEERING_MEMBER },
  { "STTTT", "Đinh Công Sơn", "Phó Giám đốc Sở Thông tin và Truyền thông", PAR_STAFF_ROLE_STEERING_MEMBER },
  { "STTTT", "Mai Thị Kim Oanh", "Chuyên viên Phòng Chuyển đổi số", PAR_STAFF_ROLE_PAR_OFFICER },
  { "TPLG", "Trịnh Quốc Bảo", "Phó Chủ tịch UBND thành phố", PAR_STAFF_ROLE_LEADER },
  { "TPLG", "Cao Thị Phương", "Chuyên viên Phòng Nội vụ", PAR_STAFF_ROLE_PAR_OFFICER },
  { "HDS", "Lương Văn Định", "Chủ tịch UBND huyện", PAR_STAFF_ROLE_LEADER },
  { "HDS", "Tạ Thị Hương", "Chuyên viên Phòng Nội vụ", PAR_STAFF_ROLE_PAR_OFFICER },
  { "HDS-DT", "Nguyễn Văn Bình", "Công chức Văn phòng - Thống kê", PAR_STAFF_ROLE_PAR_OFFICER },
};

/* Fills an empty file with the sample office. Refuses a file that already
 * holds data, so that nobody's work is mixed with invented records. */
gboolean
par_demo_fill (ParDatabase  *db,
               GError      **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);

  if (!par_database_is_empty (db))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                   _("“%s” already holds data. The sample office goes only into a new, empty file."),
                   par_database_get_path (db));
      return FALSE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (demo_units); i++)
    {
      const DemoUnit *u = &demo_units[i];
      gint64 parent = u->parent != NULL ? GPOINTER_TO_SIZE (g_hash_table_lookup (ids, u->parent)) : 0;
      gint64 id = par_directory_add_unit (db, u->code, u->name, u->level, parent, error);

      if (id == 0)
        return FALSE;
      g_hash_table_insert (ids, (gpointer) u->code, GSIZE_TO_POINTER ((gsize) id));
    }

  for (gsize i = 0; i < G_N_ELEMENTS (demo_staff); i++)
    {
      const DemoStaff *s = &demo_staff[i];
      gint64 unit = GPOINTER_TO_SIZE (g_hash_table_lookup (ids, s->unit));

      if (par_directory_add_staff (db, unit, s->full_name, s->title, s->role, error) == 0)
        return FALSE;
    }
  return TRUE;
}
