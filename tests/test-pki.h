/* test-pki.h: certificates and signed PDFs made with libcrypto, for the tests of trust
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TestPki TestPki;

TestPki *test_pki_new                (void);
void     test_pki_free               (TestPki    *pki);
GBytes  *test_pki_get_ca_der         (TestPki    *pki);
GBytes  *test_pki_get_leaf_der       (TestPki    *pki);
char    *test_pki_write_ca_pem       (TestPki    *pki,
                                      const char *path);
GBytes  *test_pki_sign_pdf           (TestPki    *pki,
                                      GBytes     *pdf,
                                      gboolean    self_signed);
GBytes  *test_draw_pdf               (const char *title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPki, test_pki_free)

G_END_DECLS
