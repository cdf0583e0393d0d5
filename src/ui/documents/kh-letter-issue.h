/* kh-letter-issue.h — issuing one letter to a person, in their language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kh-appointment.h"
#include "core/kh-assessment.h"
#include "core/kh-document-kind.h"
#include "core/kh-records.h"
#include "core/kh-unit-profile.h"
#include "documents/kh-document.h"
#include "documents/kh-letters.h"
#include "store/kh-store.h"

G_BEGIN_DECLS

/* Lays a letter out for `client` with the unit's `profile`. `letter` has
 * what every letter to the person has: the language ("fi" or "sv"), the
 * addressee, and the issuing worker as its sender, titled in that
 * language; `responsible_worker` is the person's named responsible worker
 * (omatyöntekijä, SHL 42 §) titled the same way, or all NULL when nobody
 * is named. Called in the store's thread inside the issuing transaction:
 * pure work, no store calls. */
typedef KhDocument *(*KhLetterBuildFunc) (const KhUnitProfile  *profile,
                                          const KhClient       *client,
                                          const KhLetter       *letter,
                                          const KhLetterSender *responsible_worker,
                                          gpointer              user_data);

/* The issuing worker as a letter's sender in `language`: the name, and
 * the title of the role in lower case, as the letter's sentences use it
 * ("Outi Ohjaaja, sosiaaliohjaaja"); NULL for no user and for roles that
 * send no letters. */
void              kh_letter_sender_of    (KhUser              *user,
                                          const char          *language,
                                          char               **name,
                                          char               **title);
/* The person's named responsible worker (SHL 42 §) the same way; both
 * NULL when nobody is named. */
void              kh_letter_responsible_worker_of (const KhClient *client,
                                                   const char     *language,
                                                   char          **name,
                                                   char          **title);

/* Issues `document`, its PDF rendered by `render` inside the issuing
 * transaction (kh_store_issue_document_rendered_async), and returns the
 * issued document (a KhIssuedDocument) through `task`, which is held
 * until then; `render_data` must live as long as the task. */
void              kh_letter_issue_rendered (KhStore                *store,
                                            const KhIssuedDocument *document,
                                            KhDocumentRenderFunc    render,
                                            gpointer                render_data,
                                            GTask                  *task);

/* Issues a letter of `kind` to the person `client_id` (about `case_id`,
 * 0 for none): reads the unit's letterhead and the person (a logged read,
 * to address the letter), lays the letter out with `build` in the
 * person's language (kh_letter_language), and issues it through the store,
 * drawn inside the issuing transaction, sent today by post. The result is
 * the document as issued, with its PDF. INVALID with a translated message
 * for a person with a non-disclosure marking (their letters are not
 * addressed from here) or without an address. `build_data` is freed with
 * `build_data_free` when done. */
void              kh_letter_issue_async  (KhStore             *store,
                                          gint64               client_id,
                                          gint64               case_id,
                                          KhDocumentKind       kind,
                                          KhLetterBuildFunc    build,
                                          gpointer             build_data,
                                          GDestroyNotify       build_data_free,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
KhIssuedDocument *kh_letter_issue_finish (GAsyncResult        *result,
                                          GError             **error);

/* The invitation letter of `appointment` (kh_letter_issue_async), in the
 * meeting's language; INVALID for a cancelled meeting. */
void              kh_invitation_send_async  (KhStore              *store,
                                             const KhAppointment  *appointment,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
/* The summary of a finished service-need assessment (SHL 37 §), in the
 * person's language. */
void              kh_assessment_summary_send_async (KhStore            *store,
                                                    const KhAssessment *assessment,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);

/* The question before a letter is sent: `heading` and `body`, with
 * "Cancel" and "Send Letter" (the response "send"); the caller connects
 * to "response" and presents it. */
GtkWidget        *kh_letter_ask             (GtkWindow            *parent,
                                             const char           *heading,
                                             const char           *body);
/* Opens the document window with an issued letter to print or save, its
 * subtitle saying it was sent to `person_name` and kept. */
void              kh_letter_show_issued     (GtkWindow              *parent,
                                             const KhIssuedDocument *document,
                                             const char             *person_name);

/* The language a letter to `client` is written in: Swedish for a
 * Swedish-speaking person, Finnish otherwise (the unit's languages;
 * Kielilaki 10 §). */
const char       *kh_letter_language        (const KhClient       *client);

/* A letter of `kind` to the person `client_id` (about `case_id`, 0 for
 * none) as it is kept: in `language`, titled with its kind there, sent
 * on `now`'s day by post; its PDF the caller's. */
KhIssuedDocument *kh_letter_document_new    (gint64                client_id,
                                             gint64                case_id,
                                             KhDocumentKind        kind,
                                             const char           *language,
                                             GDateTime            *now);

/* The name ("First Last") and the postal address lines a letter to
 * `client` is addressed with, newly allocated. FALSE when no letter is
 * addressed from the desk: a non-disclosure marking or an address the
 * store withheld (*is_protected TRUE; ATL 38 §), or no address. */
gboolean          kh_letter_addressee       (const KhClient       *client,
                                             char                **name,
                                             char                **address,
                                             gboolean             *is_protected);

G_END_DECLS
