package org.ocaetl.parse;

/**
 * A case that could not be converted (docs/processing-rules.md#rule-8). {@code value} is already
 * redacted for address elements. The activities hand it on as the workflow API's {@code CaseFailure}.
 *
 * @param caseId the IndexNumberId, or null when the case has none
 * @param element the element path inside the Index, e.g. {@code Judgments/Judgment/Sequence}
 * @param value the offending value (redacted for street-address elements)
 * @param reason why it was rejected
 */
public record RejectedCase(String caseId, String element, String value, String reason) {}
