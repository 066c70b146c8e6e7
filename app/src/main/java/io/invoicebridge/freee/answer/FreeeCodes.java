package io.invoicebridge.freee.answer;

import java.util.Set;

/**
 * freee's error codes the bridge branches on (freee asks clients to branch on {@code code}, not on
 * the message).
 */
public final class FreeeCodes {

  public static final String EXPIRED_ACCESS_TOKEN = "expired_access_token";

  /**
   * 401/403 codes that no waiting will fix. A 403 without one of these is read as freee's
   * "excessive access" block, whose body freee does not document: pausing on a permission error
   * costs a wait, while resending into an access block would only prolong it.
   */
  static final Set<String> PERMISSION =
      Set.of(
          "user_do_not_have_permission",
          "company_not_found",
          "freee_plan_limit",
          "source_ip_address_limit",
          "re_authorization_required");

  private FreeeCodes() {}

  public static boolean permissionDenied(FreeeErrorBody error) {
    return error.code() != null && PERMISSION.contains(error.code());
  }
}
