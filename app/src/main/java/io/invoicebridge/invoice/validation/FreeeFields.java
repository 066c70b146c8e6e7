package io.invoicebridge.invoice.validation;

import static io.invoicebridge.invoice.validation.FieldRule.bool;
import static io.invoicebridge.invoice.validation.FieldRule.date;
import static io.invoicebridge.invoice.validation.FieldRule.decimal;
import static io.invoicebridge.invoice.validation.FieldRule.integer;
import static io.invoicebridge.invoice.validation.FieldRule.integerList;
import static io.invoicebridge.invoice.validation.FieldRule.matching;
import static io.invoicebridge.invoice.validation.FieldRule.numberOneOf;
import static io.invoicebridge.invoice.validation.FieldRule.oneOf;
import static io.invoicebridge.invoice.validation.FieldRule.text;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields of freee's {@code InvoiceRequest} and its lines that an item may carry, with freee's
 * own limits (freee請求書 API schema, {@code components.schemas.InvoiceRequest}). {@code company_id}
 * is absent on purpose: it comes from {@code FREEE_COMPANY_ID}.
 */
final class FreeeFields {

  static final long MAX_ID = 9_223_372_036_854_775_000L;
  static final Set<String> ENTRY_METHODS = Set.of("in", "out");
  static final Set<String> FRACTIONS = Set.of("omit", "round_up", "round");
  static final Set<String> PARTNER_TITLES = Set.of("御中", "様", "(空白)", "（空白）");

  static final Map<String, FieldRule> INVOICE =
      Map.ofEntries(
          Map.entry("template_id", integer(1, MAX_ID)),
          Map.entry("invoice_number", text(1, 255)),
          Map.entry("branch_no", integer(0, Integer.MAX_VALUE)),
          Map.entry("billing_date", date()),
          Map.entry("issue_date", date()),
          Map.entry("payment_date", date()),
          Map.entry("payment_type", oneOf(Set.of("transfer", "direct_debit", "card"))),
          Map.entry("subject", text(1, 255)),
          Map.entry("tax_entry_method", oneOf(ENTRY_METHODS)),
          Map.entry("tax_fraction", oneOf(FRACTIONS)),
          Map.entry("line_amount_fraction", oneOf(FRACTIONS)),
          Map.entry("withholding_tax_entry_method", oneOf(ENTRY_METHODS)),
          Map.entry("include_amount_brought_forward", bool()),
          Map.entry("amount_brought_forward", integer(-999_999_999_999L, 999_999_999_999L)),
          Map.entry("invoice_note", text(0, 4000)),
          Map.entry("memo", text(1, 2000)),
          Map.entry("partner_id", integer(1, MAX_ID)),
          Map.entry("partner_code", text(1, 255)),
          Map.entry("partner_title", oneOf(PARTNER_TITLES)),
          Map.entry(
              "partner_address_zipcode",
              matching(
                  Pattern.compile("^[0-9]{3}-?[0-9]{4}$"), "must be a zip code like 100-0001")),
          Map.entry("partner_address_prefecture_code", integer(-1, 46)),
          Map.entry("partner_address_street_name1", text(1, 255)),
          Map.entry("partner_address_street_name2", text(1, 255)),
          Map.entry("partner_contact_department", text(1, 255)),
          Map.entry("partner_contact_email_cc", text(1, 255)),
          Map.entry("partner_contact_email_to", text(1, 255)),
          Map.entry("partner_contact_name", text(1, 255)),
          Map.entry("partner_display_name", text(0, 255)),
          Map.entry(
              "partner_sending_method", oneOf(Set.of("email", "posting", "email_and_posting"))),
          Map.entry("partner_bank_account", text(0, 255)),
          Map.entry("company_contact_name", text(0, 255)),
          Map.entry("company_name", text(0, 255)),
          Map.entry("company_description", text(0, 255)),
          Map.entry("bank_account_to_transfer", text(0, 255)));

  static final Map<String, FieldRule> LINE =
      Map.ofEntries(
          Map.entry("type", oneOf(Set.of("item", "text"))),
          Map.entry("description", text(1, 255)),
          Map.entry("sales_date", date()),
          Map.entry("unit", text(1, 255)),
          Map.entry(
              "quantity",
              decimal(new BigDecimal("-99999999.999"), new BigDecimal("99999999.999"), 3)),
          Map.entry(
              "unit_price",
              matching(
                  Pattern.compile("^-?[0-9]{0,13}(\\.[0-9]{1,3})?$"),
                  "must be a string of digits such as \"100000\" or \"1.5\" (up to 13 digits and 3"
                      + " decimals)")),
          Map.entry("tax_rate", numberOneOf(Set.of(0, 8, 10))),
          Map.entry("reduced_tax_rate", bool()),
          Map.entry("withholding", bool()),
          Map.entry("account_item_id", integer(1, Integer.MAX_VALUE)),
          Map.entry("tax_code", integer(0, Integer.MAX_VALUE)),
          Map.entry("item_id", integer(1, Integer.MAX_VALUE)),
          Map.entry("section_id", integer(1, Integer.MAX_VALUE)),
          Map.entry("tag_ids", integerList(10)),
          Map.entry("segment_1_tag_id", integer(1, MAX_ID)),
          Map.entry("segment_2_tag_id", integer(1, MAX_ID)),
          Map.entry("segment_3_tag_id", integer(1, MAX_ID)));

  /** Fields of a line of type {@code text}: freee takes only the description. */
  static final Set<String> TEXT_LINE = Set.of("type", "description");

  private FreeeFields() {}
}
