/* par-demo-signatures.c: the sample office's signed documents, and the sample authority they chain to
 *
 * Made at demo time with libcrypto, so that nothing signed is shipped and
 * every state a signature can be in shows in the app: a decision signed
 * and trusted, a document changed after signing, one by an issuer the file
 * does not trust, one signed twice (the leader, then the office), one
 * signed in 2022 by a certificate that has expired since (trusted: judged
 * at its signing time), and one by a certificate revoked before it signed.
 *
 * The authorities are samples and say so in their names: a root ("gốc
 * mẫu"), the intermediate that serves the invented province's bodies, and
 * a made-up company CA the file does not trust. Only the sample root goes
 * into the file's trust list, with the intermediate's revocation list.
 * The keys are EC P-256: a handful are made on every demo, and RSA keys
 * would cost seconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include "par-assessment.h"
#include "par-database-private.h"
#include "par-demo-plan.h"
#include "par-demo-private.h"
#include "par-demo-signatures.h"
#include "par-directory.h"
#include "par-evidence.h"
#include "par-pdf-signer.h"
#include "par-trust-list.h"

#define SAMPLE_ORGANIZATION "PAR Desk – dữ liệu mẫu"

typedef enum
{
  SAMPLE_ROOT,         /* trusted by the demo file */
  SAMPLE_GOVERNMENT,   /* issued by the root; issues the province's signers */
  SAMPLE_OTHER_ROOT,   /* not trusted */
  SAMPLE_HUNG,
  SAMPLE_HUNG_2021,
  SAMPLE_HA,
  SAMPLE_OFFICE,
  SAMPLE_MINH,
  SAMPLE_DINH,
  N_SAMPLES,
  SAMPLE_NONE = -1,
} SampleId;

typedef struct
{
  const char *cn;
  const char *organization;
  SampleId    issuer;       /* SAMPLE_NONE: self-signed */
  gboolean    ca;
  const char *not_before;
  const char *not_after;
  const char *reason;       /* what its signature means, for /Reason */
} SampleSpec;

static const SampleSpec samples[N_SAMPLES] = {
  [SAMPLE_ROOT] = { "Tổ chức chứng thực gốc mẫu (PAR Desk)", SAMPLE_ORGANIZATION, SAMPLE_NONE, TRUE,
                    "20200101000000Z", "20451231235959Z", NULL },
  [SAMPLE_GOVERNMENT] = { "CA mẫu phục vụ cơ quan nhà nước tỉnh Sông Lam", SAMPLE_ORGANIZATION, SAMPLE_ROOT, TRUE,
                          "20200601000000Z", "20401231235959Z", NULL },
  [SAMPLE_OTHER_ROOT] = { "Công ty chứng thực ABC (mẫu)", "Công ty chứng thực ABC (mẫu)", SAMPLE_NONE, TRUE,
                          "20200101000000Z", "20401231235959Z", NULL },
  [SAMPLE_HUNG] = { "Trần Văn Hùng", "Ủy ban nhân dân tỉnh Sông Lam", SAMPLE_GOVERNMENT, FALSE,
                    "20240101000000Z", "20261231235959Z", "Phê duyệt, ký ban hành văn bản" },
  /* The same person's certificate before it was renewed. */
  [SAMPLE_HUNG_2021] = { "Trần Văn Hùng", "Ủy ban nhân dân tỉnh Sông Lam", SAMPLE_GOVERNMENT, FALSE,
                         "20210101000000Z", "20231231235959Z", "Phê duyệt, ký ban hành văn bản" },
  [SAMPLE_HA] = { "Nguyễn Thị Thu Hà", "Sở Nội vụ tỉnh Sông Lam", SAMPLE_GOVERNMENT, FALSE,
                  "20240601000000Z", "20270531235959Z", "Phê duyệt, ký ban hành văn bản" },
  /* The office's own certificate, for the seal it puts on what it issues. */
  [SAMPLE_OFFICE] = { "Sở Nội vụ tỉnh Sông Lam", "Ủy ban nhân dân tỉnh Sông Lam", SAMPLE_GOVERNMENT, FALSE,
                      "20240101000000Z", "20281231235959Z", "Ký số của cơ quan phát hành văn bản" },
  /* Revoked on 1 March 2025 (the token was lost), and still used after. */
  [SAMPLE_MINH] = { "Lê Quang Minh", "Sở Nội vụ tỉnh Sông Lam", SAMPLE_GOVERNMENT, FALSE,
                    "20240101000000Z", "20261231235959Z", "Phê duyệt, ký ban hành văn bản" },
  [SAMPLE_DINH] = { "Lương Văn Định", "Ủy ban nhân dân huyện Đông Sơn", SAMPLE_OTHER_ROOT, FALSE,
                    "20250101000000Z", "20271231235959Z", "Phê duyệt, ký ban hành văn bản" },
};

#define REVOKED_SAMPLE SAMPLE_MINH
#define REVOKED_AT "20250301080000Z"
#define CRL_THIS_UPDATE "20250302000000Z"
#define CRL_NEXT_UPDATE "20251231235959Z"

typedef struct
{
  EVP_PKEY *keys[N_SAMPLES];
  X509     *certs[N_SAMPLES];
} SamplePki;

typedef struct
{
  DemoDocument doc;
  const char  *title;         /* in the PDF's properties */
  SampleId     signers[2];    /* in signing order; SAMPLE_NONE after the last */
  const char  *times[2];      /* their signing times, ISO 8601 */
  gboolean     tampered;      /* a year in its title changed after signing */
} SignedDocument;

static const SignedDocument signed_documents[] = {
  { { { "ỦY BAN NHÂN DÂN", "TỈNH SÔNG LAM" }, "Số: 86/QĐ-UBND", "Sông Lam, ngày 14 tháng 4 năm 2025", "QUYẾT ĐỊNH",
      "Công bố danh mục thủ tục hành chính mới ban hành lĩnh vực nội vụ",
      "Công bố kèm theo Quyết định này danh mục 12 thủ tục hành chính mới ban hành và 5 thủ tục hành chính "
      "được sửa đổi, bổ sung trong lĩnh vực nội vụ thuộc thẩm quyền giải quyết của Sở Nội vụ tỉnh Sông Lam.",
      "QD-86-UBND.pdf", "3.2.1", "III.2", NULL },
    "Quyết định công bố danh mục thủ tục hành chính lĩnh vực nội vụ",
    { SAMPLE_HUNG, SAMPLE_NONE }, { "2025-04-14T16:05:00+07:00" }, FALSE },
  { { { "UBND TỈNH SÔNG LAM", "SỞ NỘI VỤ" }, "Số: 64/KH-SNV", "Sông Lam, ngày 02 tháng 4 năm 2025", "KẾ HOẠCH",
      "Rà soát, đánh giá thủ tục hành chính năm 2025",
      "Rà soát toàn bộ thủ tục hành chính lĩnh vực nội vụ, đề xuất phương án đơn giản hóa thành phần hồ sơ và "
      "cắt giảm thời hạn giải quyết; hoàn thành trước ngày 30 tháng 6 năm 2025.",
      "KH-64-SNV.pdf", "3.1.1", "III.1", NULL },
    "Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2025",
    { SAMPLE_OFFICE, SAMPLE_NONE }, { "2025-04-02T10:40:00+07:00" }, TRUE },
  { { { "ỦY BAN NHÂN DÂN", "HUYỆN ĐÔNG SƠN" }, "Số: 95/BC-UBND", "Đông Sơn, ngày 20 tháng 6 năm 2025", "BÁO CÁO",
      "Kết quả cải cách hành chính 6 tháng đầu năm 2025 của huyện Đông Sơn",
      "Sáu tháng đầu năm 2025, Ủy ban nhân dân huyện Đông Sơn đã hoàn thành 18/25 nhiệm vụ cải cách hành chính; "
      "tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt 98,6%.",
      "BC-95-UBND-DS.pdf", NULL, "I.4", NULL },
    "Báo cáo kết quả cải cách hành chính 6 tháng đầu năm 2025",
    { SAMPLE_DINH, SAMPLE_NONE }, { "2025-06-20T15:30:00+07:00" }, FALSE },
  { { { "UBND TỈNH SÔNG LAM", "SỞ NỘI VỤ" }, "Số: 142/QĐ-SNV", "Sông Lam, ngày 25 tháng 7 năm 2025", "QUYẾT ĐỊNH",
      "Phê duyệt Đề án vị trí việc làm của Sở Nội vụ",
      "Phê duyệt Đề án vị trí việc làm của Sở Nội vụ gồm 38 vị trí: 6 vị trí lãnh đạo, quản lý; 24 vị trí "
      "nghiệp vụ chuyên ngành và chuyên môn dùng chung; 8 vị trí hỗ trợ, phục vụ.",
      "QD-142-SNV.pdf", "4.2.1", "IV.3", NULL },
    "Quyết định phê duyệt Đề án vị trí việc làm của Sở Nội vụ",
    { SAMPLE_HA, SAMPLE_OFFICE }, { "2025-07-25T10:12:00+07:00", "2025-07-25T14:30:00+07:00" }, FALSE },
  { { { "ỦY BAN NHÂN DÂN", "TỈNH SÔNG LAM" }, "Số: 1450/QĐ-UBND", "Sông Lam, ngày 18 tháng 8 năm 2022",
      "QUYẾT ĐỊNH", "Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nội vụ",
      "Sở Nội vụ là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, tham mưu, giúp Ủy ban nhân dân tỉnh quản lý "
      "nhà nước về tổ chức bộ máy, vị trí việc làm, cán bộ, công chức, viên chức và cải cách hành chính.",
      "QD-1450-UBND.pdf", "4.1", "IV.1", NULL },
    "Quyết định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nội vụ",
    { SAMPLE_HUNG_2021, SAMPLE_NONE }, { "2022-08-18T09:20:00+07:00" }, FALSE },
  { { { "UBND TỈNH SÔNG LAM", "SỞ NỘI VỤ" }, "Số: 71/KH-SNV", "Sông Lam, ngày 22 tháng 4 năm 2025", "KẾ HOẠCH",
      "Bồi dưỡng kỹ năng cải cách hành chính cho công chức năm 2025",
      "Tổ chức 04 lớp bồi dưỡng kỹ năng cải cách hành chính và chuyển đổi số cho công chức các phòng chuyên môn "
      "và đơn vị trực thuộc Sở trong quý II năm 2025.",
      "KH-71-SNV.pdf", "5.3.1", "V.3", NULL },
    "Kế hoạch bồi dưỡng kỹ năng cải cách hành chính cho công chức năm 2025",
    { SAMPLE_MINH, SAMPLE_NONE }, { "2025-04-22T08:45:00+07:00" }, FALSE },
  /* Signed in 2025 with the certificate that ran out at the end of 2023. */
  { { { "ỦY BAN NHÂN DÂN", "TỈNH SÔNG LAM" }, "Số: 27/TB-UBND", "Sông Lam, ngày 10 tháng 3 năm 2025",
      "THÔNG BÁO", "Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại hội nghị sơ kết cải cách hành chính",
      "Yêu cầu các sở, ban, ngành và Ủy ban nhân dân cấp huyện tập trung nâng cao tỷ lệ hồ sơ trực tuyến toàn "
      "trình, công khai kết quả giải quyết thủ tục hành chính trên Cổng Dịch vụ công của tỉnh.",
      "TB-27-UBND.pdf", NULL, "I.4", NULL },
    "Thông báo kết luận hội nghị sơ kết cải cách hành chính",
    { SAMPLE_HUNG_2021, SAMPLE_NONE }, { "2025-03-10T15:00:00+07:00" }, FALSE },
};

static gboolean
crypto_failed (GError    **error,
               const char *what)
{
  char detail[256];

  ERR_error_string_n (ERR_peek_last_error (), detail, sizeof detail);
  ERR_clear_error ();
  g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_FAILED, "libcrypto could not make %s: %s", what, detail);
  return FALSE;
}

static gboolean
add_extension (X509       *cert,
               X509       *issuer,
               int         nid,
               const char *value)
{
  X509V3_CTX ctx;
  X509_EXTENSION *extension;
  gboolean ok;

  X509V3_set_ctx (&ctx, issuer, cert, NULL, NULL, 0);
  extension = X509V3_EXT_conf_nid (NULL, &ctx, nid, value);
  ok = extension != NULL && X509_add_ext (cert, extension, -1) == 1;
  X509_EXTENSION_free (extension);
  return ok;
}

static X509_NAME *
sample_name (const SampleSpec *spec)
{
  X509_NAME *name = X509_NAME_new ();

  if (name == NULL
      || !X509_NAME_add_entry_by_txt (name, "C", MBSTRING_UTF8, (const unsigned char *) "VN", -1, -1, 0)
      || !X509_NAME_add_entry_by_txt (name, "O", MBSTRING_UTF8, (const unsigned char *) spec->organization, -1, -1, 0)
      || !X509_NAME_add_entry_by_txt (name, "CN", MBSTRING_UTF8, (const unsigned char *) spec->cn, -1, -1, 0))
    g_clear_pointer (&name, X509_NAME_free);
  return name;
}

/* The certificate of sample @id, its issuer's already made. */
static gboolean
make_sample (SamplePki  *pki,
             SampleId    id,
             GError    **error)
{
  const SampleSpec *spec = &samples[id];
  EVP_PKEY *key = EVP_EC_gen ("P-256");
  X509 *cert = X509_new ();
  X509_NAME *name = sample_name (spec);
  X509 *issuer;
  EVP_PKEY *issuer_key;
  gboolean ok;

  pki->keys[id] = key;
  pki->certs[id] = cert;
  issuer = spec->issuer == SAMPLE_NONE ? cert : pki->certs[spec->issuer];
  issuer_key = spec->issuer == SAMPLE_NONE ? key : pki->keys[spec->issuer];
  ok = key != NULL && cert != NULL && name != NULL
       && X509_set_version (cert, X509_VERSION_3)
       && ASN1_INTEGER_set (X509_get_serialNumber (cert), 0x5A0000 + id)
       && X509_set_subject_name (cert, name)
       && X509_set_issuer_name (cert, spec->issuer == SAMPLE_NONE ? name : X509_get_subject_name (issuer))
       && ASN1_TIME_set_string_X509 (X509_getm_notBefore (cert), spec->not_before)
       && ASN1_TIME_set_string_X509 (X509_getm_notAfter (cert), spec->not_after)
       && X509_set_pubkey (cert, key)
       && add_extension (cert, issuer, NID_basic_constraints, spec->ca ? "critical,CA:TRUE" : "critical,CA:FALSE")
       && add_extension (cert, issuer, NID_key_usage, spec->ca ? "critical,keyCertSign,cRLSign"
                                                              : "critical,digitalSignature,nonRepudiation")
       && add_extension (cert, issuer, NID_subject_key_identifier, "hash")
       && (spec->issuer == SAMPLE_NONE || add_extension (cert, issuer, NID_authority_key_identifier, "keyid"))
       && X509_sign (cert, issuer_key, EVP_sha256 ()) > 0;
  X509_NAME_free (name);
  return ok || crypto_failed (error, spec->cn);
}

static void
sample_pki_clear (SamplePki *pki)
{
  for (guint i = 0; i < N_SAMPLES; i++)
    {
      g_clear_pointer (&pki->certs[i], X509_free);
      g_clear_pointer (&pki->keys[i], EVP_PKEY_free);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SamplePki, sample_pki_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (X509_CRL, X509_CRL_free)

static GBytes *
take_der (unsigned char *der,
          int            length)
{
  GBytes *bytes = length > 0 ? g_bytes_new (der, length) : NULL;

  OPENSSL_free (der);
  return bytes;
}

/* The government CA's revocation list: the revoked sample's certificate. */
static GBytes *
make_crl (const SamplePki  *pki,
          GError          **error)
{
  g_autoptr(X509_CRL) crl = X509_CRL_new ();
  X509 *issuer = pki->certs[SAMPLE_GOVERNMENT];
  X509_REVOKED *entry = X509_REVOKED_new ();
  ASN1_TIME *this_update = ASN1_TIME_new (), *next_update = ASN1_TIME_new (), *revoked_at = ASN1_TIME_new ();
  ASN1_ENUMERATED *reason = ASN1_ENUMERATED_new ();
  gboolean ok;

  ok = crl != NULL && entry != NULL && this_update != NULL && next_update != NULL && revoked_at != NULL
       && reason != NULL
       && X509_CRL_set_version (crl, X509_CRL_VERSION_2)
       && X509_CRL_set_issuer_name (crl, X509_get_subject_name (issuer))
       && ASN1_TIME_set_string_X509 (this_update, CRL_THIS_UPDATE)
       && ASN1_TIME_set_string_X509 (next_update, CRL_NEXT_UPDATE)
       && ASN1_TIME_set_string_X509 (revoked_at, REVOKED_AT)
       && X509_CRL_set1_lastUpdate (crl, this_update) && X509_CRL_set1_nextUpdate (crl, next_update)
       && X509_REVOKED_set_serialNumber (entry, X509_get_serialNumber (pki->certs[REVOKED_SAMPLE]))
       && X509_REVOKED_set_revocationDate (entry, revoked_at)
       && ASN1_ENUMERATED_set (reason, CRL_REASON_KEY_COMPROMISE)
       && X509_REVOKED_add1_ext_i2d (entry, NID_crl_reason, reason, 0, 0) == 1
       && X509_CRL_add0_revoked (crl, entry);
  if (ok)
    entry = NULL;   /* the list owns it */
  ok = ok && X509_CRL_sort (crl) && X509_CRL_sign (crl, pki->keys[SAMPLE_GOVERNMENT], EVP_sha256 ()) > 0;
  X509_REVOKED_free (entry);
  ASN1_TIME_free (this_update);
  ASN1_TIME_free (next_update);
  ASN1_TIME_free (revoked_at);
  ASN1_ENUMERATED_free (reason);
  if (!ok)
    {
      crypto_failed (error, "the revocation list");
      return NULL;
    }
  {
    unsigned char *der = NULL;
    int length = i2d_X509_CRL (crl, &der);

    return take_der (der, length);
  }
}

/* The sample root into the file's trust list, and the government CA's
 * revocation list. */
static gboolean
trust_sample_authority (ParDatabase      *db,
                        const SamplePki  *pki,
                        GError          **error)
{
  unsigned char *der = NULL;
  int length = i2d_X509 (pki->certs[SAMPLE_ROOT], &der);
  g_autoptr(GBytes) root = take_der (der, length);
  g_autoptr(GBytes) crl = make_crl (pki, error);
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(ParRevocationList) list = NULL;

  if (crl == NULL)
    return FALSE;
  if (root == NULL)
    return crypto_failed (error, "the sample root");
  added = par_trust_add_certificates (db, root, error);
  if (added == NULL)
    return FALSE;
  list = par_trust_add_crl (db, crl, error);
  return list != NULL;
}

/* @pdf signed by sample @id at @when, the certificates above it carried
 * (but the trusted root, which the reader has). */
static GBytes *
sign_as (const SamplePki  *pki,
         GBytes           *pdf,
         SampleId          id,
         const char       *when,
         GError          **error)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (when, NULL);
  STACK_OF (X509) *chain = sk_X509_new_null ();
  ParPdfSigner signer = { pki->keys[id], pki->certs[id], chain, time, samples[id].cn, samples[id].reason,
                          NULL };
  GBytes *signed_pdf = NULL;

  g_return_val_if_fail (time != NULL, NULL);
  for (SampleId issuer = samples[id].issuer; issuer != SAMPLE_NONE && issuer != SAMPLE_ROOT;
       issuer = samples[issuer].issuer)
    sk_X509_push (chain, pki->certs[issuer]);
  signer.location = samples[id].issuer == SAMPLE_OTHER_ROOT ? "Đông Sơn" : "Sông Lam";
  signed_pdf = par_pdf_sign (pdf, &signer, error);
  sk_X509_free (chain);
  return signed_pdf;
}

/* The first @needle in [@from, @to) of @data, or NULL. */
static guint8 *
find (guint8     *data,
      gsize       from,
      gsize       to,
      const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = from; i + n <= to; i++)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* Changes one byte that the first signature covers: the year in the
 * title (written by cairo as UTF-16BE hex), 2025 made 2026. */
static GBytes *
tamper (GBytes  *signed_pdf,
        gsize    first_revision,
        GError **error)
{
  static const char year[] = "0032003000320035";
  gsize length = 0;
  guint8 *copy = g_memdup2 (g_bytes_get_data (signed_pdf, &length), g_bytes_get_size (signed_pdf));
  guint8 *title = find (copy, 0, first_revision, "/Title <");
  guint8 *hit = title != NULL ? find (copy, title - copy, first_revision, year) : NULL;

  if (hit == NULL)
    {
      g_free (copy);
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_FAILED, "no year in the sample title to change");
      return NULL;
    }
  hit[strlen (year) - 1] = '6';
  return g_bytes_new_take (copy, length);
}

/* The PDF of @demo, drawn, signed, perhaps changed after. */
static GBytes *
make_signed (const SamplePki       *pki,
             const SignedDocument  *demo,
             const char            *path,
             GError               **error)
{
  g_autoptr(GBytes) pdf = NULL;
  gsize drawn_length;
  char *contents = NULL;
  gsize length = 0;

  if (!par_demo_draw_document (&demo->doc, demo->title, path))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_FAILED, "cairo could not write %s", path);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  pdf = g_bytes_new_take (contents, length);
  drawn_length = length;
  for (guint i = 0; i < G_N_ELEMENTS (demo->signers) && demo->signers[i] != SAMPLE_NONE; i++)
    {
      GBytes *next = sign_as (pki, pdf, demo->signers[i], demo->times[i], error);

      if (next == NULL)
        return NULL;
      g_bytes_unref (pdf);
      pdf = next;
    }
  if (demo->tampered)
    return tamper (pdf, drawn_length, error);
  return g_steal_pointer (&pdf);
}

/* Keeps @demo's document and links it like the unsigned ones. */
static gboolean
add_signed (ParDatabase           *db,
            ParCriteriaSet        *set,
            ParAssessment         *assessment,
            const SamplePki       *pki,
            const SignedDocument  *demo,
            const char            *dir,
            GError               **error)
{
  g_autofree char *path = g_build_filename (dir, demo->doc.filename, NULL);
  g_autoptr(GBytes) pdf = make_signed (pki, demo, path, error);
  ParCriteriaNode *node = demo->doc.supports != NULL ? par_criteria_set_find_node (set, demo->doc.supports) : NULL;
  gint64 id;
  gboolean ok;

  if (pdf == NULL
      || !g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), error))
    {
      g_unlink (path);
      return FALSE;
    }
  id = par_evidence_add_file (db, path, 0, NULL, NULL, error);
  g_unlink (path);
  ok = id != 0 && (node == NULL || par_assessment_link_document (assessment, node, id, error))
       && (demo->doc.tasks == NULL || par_demo_plan_link (db, id, demo->doc.tasks, error));
  return ok;
}

/* Adds the sample authority to the file's trust list and the signed
 * documents, linked to the items of @set and the tasks of the plan of the
 * Department of Home Affairs. */
gboolean
par_demo_signatures_fill (ParDatabase     *db,
                          ParCriteriaSet  *set,
                          GError         **error)
{
  g_auto(SamplePki) pki = { 0 };
  g_autoptr(ParUnit) snv = par_directory_find_unit (db, "SNV", error);
  g_autoptr(ParAssessment) assessment = NULL;
  g_autofree char *dir = NULL;
  gboolean ok = TRUE;

  if (snv == NULL || (assessment = par_assessment_load (db, set, par_unit_get_id (snv), error)) == NULL)
    return FALSE;
  /* In order: each issuer before what it issues. */
  for (SampleId id = 0; id < N_SAMPLES; id++)
    if (!make_sample (&pki, id, error))
      return FALSE;
  if (!trust_sample_authority (db, &pki, error))
    return FALSE;
  dir = g_dir_make_tmp ("par-desk-demo-XXXXXX", error);
  if (dir == NULL)
    return FALSE;
  for (gsize i = 0; ok && i < G_N_ELEMENTS (signed_documents); i++)
    ok = add_signed (db, set, assessment, &pki, &signed_documents[i], dir, error);
  g_rmdir (dir);
  return ok;
}
