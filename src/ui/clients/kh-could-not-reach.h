/* kh-could-not-reach.h — the letter to a person who could not be reached
 * (issue 8, 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kh-contact-attempt.h"
#include "core/kh-document-kind.h"
#include "core/kh-records.h"
#include "store/kh-store.h"

G_BEGIN_DECLS

/* Why we contact the person, from the contact the attempts follow up
 * (its channel; 0: none): Kela's notification, another authority, their
 * own contact, or a matter pending with us. Returns a KhReachReason. */
int          kh_could_not_reach_reason_for (KhChannel channel);

/* Builds the letter for `client` from their attempts that did not reach
 * them (read from the store: a logged read), with the unit's letterhead,
 * renders it off the UI thread and shows it in the preview window
 * (KhDocumentWindow), whose header gets the letter's language (the
 * person's, kh_letter_language; the worker may switch) and "Issue", which
 * stores it as an
 * issued KH_DOCUMENT_COULD_NOT_REACH. `issued` (may be NULL) is called
 * on `owner` with the document as issued; the window closes after it.
 * `shown` (may be NULL) is called on `owner` with the window once it
 * shows the letter (for tests). Nothing is called once `owner` is gone. */
typedef void (*KhCouldNotReachIssued) (GObject                *owner,
                                       const KhIssuedDocument *document);
typedef void (*KhCouldNotReachShown)  (GObject                *owner,
                                       GtkWindow              *window);

void         kh_could_not_reach_open       (GtkWindow             *parent,
                                            KhStore               *store,
                                            KhClient              *client,
                                            KhChannel              channel,
                                            GObject               *owner,
                                            KhCouldNotReachIssued  issued,
                                            KhCouldNotReachShown   shown);

G_END_DECLS
