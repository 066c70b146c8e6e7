package io.invoicebridge.freee;

import io.invoicebridge.freee.answer.FreeeErrorBody;
import io.invoicebridge.freee.answer.FreeeExchange;
import io.invoicebridge.quota.CallKind;
import io.invoicebridge.timing.Deadline;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a {@code partner_code} to freee's partner id through the accounting API's partner
 * search, once per code per instance (a partner's id never changes), so lookups can be narrowed by
 * {@code partner_ids}.
 */
@Singleton
class FreeePartnerDirectory {

  /** freee's maximum page size for partners; one page holds every match of a code keyword. */
  static final int SEARCH_LIMIT = 3000;

  private final FreeeCaller caller;
  private final FreeeApiClient api;
  private final JsonMapper json;
  private final Map<String, Long> idsByCode = new ConcurrentHashMap<>();

  FreeePartnerDirectory(FreeeCaller caller, FreeeApiClient api, JsonMapper json) {
    this.caller = caller;
    this.api = api;
    this.json = json;
  }

  /**
   * @return the id of the partner whose code is exactly {@code code}; empty when freee knows none
   *     or the search could not be made (callers then search without the partner filter)
   */
  Optional<Long> idFor(String code, long companyId, Deadline deadline) {
    Long known = idsByCode.get(code);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Long> found =
        caller
            .call(
                "GET /api/1/partners",
                CallKind.LOOKUP,
                deadline,
                auth -> api.listPartners(auth, companyId, code, SEARCH_LIMIT, 0))
            .flatMap(exchange -> exactMatch(exchange, code));
    found.ifPresent(id -> idsByCode.put(code, id));
    return found;
  }

  private Optional<Long> exactMatch(FreeeExchange exchange, String code) {
    if (!(exchange instanceof FreeeExchange.Answered answered) || !answered.answer().successful()) {
      return Optional.empty();
    }
    try {
      JsonNode partners = json.readValue(answered.answer().body(), JsonNode.class).get("partners");
      if (partners == null || !partners.isArray()) {
        return Optional.empty();
      }
      for (JsonNode partner : partners.values()) {
        JsonNode id = partner.get("id");
        if (code.equals(FreeeErrorBody.text(partner, "code")) && id != null && id.isNumber()) {
          return Optional.of(id.getLongValue());
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
