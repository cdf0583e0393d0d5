/* test-intake-emergency.c — urgent help finds the social emergency service by
 * its flag in the directory, never by its name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ui/intake/kh-intake-form.h"

#include "kh-test-ui.h"

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GPtrArray *
directory (KhStore *store)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *services;

  kh_store_list_directory_async (store, NULL, got_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  services = kh_store_list_directory_finish (store, result, &error);
  g_assert_no_error (error);
  return services;
}

static void
save_service (KhStore   *store,
              KhService *service)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  kh_store_save_service_async (store, service, NULL, got_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  g_assert_cmpint (kh_store_save_service_finish (store, result, &error), >, 0);
  g_assert_no_error (error);
}

static const char *
selected_service (GtkWidget *form)
{
  AdwComboRow *row = ADW_COMBO_ROW (kh_test_ui_child (form, KH_TYPE_INTAKE_FORM, "service_row"));

  return gtk_string_object_get_string (GTK_STRING_OBJECT (adw_combo_row_get_selected_item (row)));
}

static void
test_urgent_finds_flagged_service (void)
{
  KhTestUi ui = { 0 };
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(KhService) decoy = kh_service_new ();
  GtkWidget *form;

  kh_test_ui_set_up (&ui);

  /* The unit renamed its social emergency service, and has a dentists'
   * emergency ("päivystys") listed before it: matching names would have
   * picked the wrong one. */
  services = directory (ui.store);
  for (guint i = 0; i < services->len; i++)
    {
      KhService *service = g_ptr_array_index (services, i);

      if (service->flags & KH_SERVICE_FLAG_SOCIAL_EMERGENCY)
        {
          g_free (service->name_fi);
          service->name_fi = g_strdup ("Sosiaali- ja kriisityön yhteispäivystys");
          g_free (service->name_sv);
          service->name_sv = g_strdup ("Gemensam social- och krisjour");
          save_service (ui.store, service);
        }
    }
  decoy->name_fi = g_strdup ("Hammaslääkäripäivystys");
  decoy->name_sv = g_strdup ("Tandläkarjour");
  decoy->area = KH_LIFE_AREA_HEALTH_SAFETY;
  decoy->kind = KH_SERVICE_KIND_COUNTY;
  save_service (ui.store, decoy);

  form = GTK_WIDGET (kh_intake_form_new (ui.store));
  kh_test_ui_show (&ui, form);
  WAIT_UNTIL (g_list_model_get_n_items (adw_combo_row_get_model (
                ADW_COMBO_ROW (kh_test_ui_child (form, KH_TYPE_INTAKE_FORM, "service_row")))) > 1);

  kh_test_ui_fill_contact (form, KH_CHANNEL_PHONE, 1, "outcome_urgent_check");
  g_assert_true (g_str_equal (selected_service (form), "Sosiaali- ja kriisityön yhteispäivystys")
                 || g_str_equal (selected_service (form), "Gemensam social- och krisjour"));

  kh_test_ui_tear_down (&ui);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/intake/urgent-finds-flagged-service", test_urgent_finds_flagged_service);

  return g_test_run ();
}
