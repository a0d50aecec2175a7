package org.mskrules.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;
import org.mskrules.core.Violation;

/**
 * Parses FHIR R4 JSON strictly: an unknown element, a value of the wrong JSON type, an invalid
 * primitive (a date that is not a date, a code outside its required binding where HAPI checks it) or
 * a repeated non-repeating element is a problem, not a warning. This is structural checking against
 * the R4 definitions HAPI compiles in, not the profile validator (see docs/fhir-mapping.md).
 * A new parser per call: HAPI parsers are not thread-safe, the context is.
 */
final class StrictParser {
    /**
     * The largest resource read, in characters: 8 MiB, larger than the JSON contract's 1 MiB because
     * a prefetch search Bundle ({@code Observation?patient=...}) holds a patient's whole record.
     */
    static final int MAX_RESOURCE_CHARS = 8 << 20;

    private StrictParser() {
    }

    /** The resource in {@code json}, or {@code null} with the problems added to {@code problems}. */
    static Resource parse(FhirContext context, String json, String location, List<Violation> problems) {
        if (json.length() > MAX_RESOURCE_CHARS) {
            problems.add(new Violation(location, "TOO_LARGE", "the resource has more than "
                    + MAX_RESOURCE_CHARS + " characters"));
            return null;
        }
        List<Violation> found = new ArrayList<>();
        IParser parser = context.newJsonParser().setParserErrorHandler(new Collecting(location, found));
        try {
            Resource r = (Resource) parser.parseResource(json);
            problems.addAll(found);
            return found.isEmpty() ? r : null;
        } catch (DataFormatException | ClassCastException | IllegalArgumentException e) {
            problems.addAll(found);
            problems.add(new Violation(location, "NOT_FHIR_R4", "cannot be read as a FHIR R4 resource: "
                    + Violation.shown(firstLine(e.getMessage()))));
            return null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        // HAPI prefixes its messages with an internal code such as "HAPI-1861: "; the rest is the reason.
        String m = message.replaceFirst("^HAPI-\\d+: ", "");
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Turns HAPI's parse-time complaints into problems with a location. */
    private static final class Collecting implements IParserErrorHandler {
        private final String location;
        private final List<Violation> found;

        Collecting(String location, List<Violation> found) {
            this.location = location;
            this.found = found;
        }

        private String at(IParseLocation where, String element) {
            String parent = where == null ? null : where.getParentElementName();
            return location + (parent == null ? "" : "." + parent) + (element == null ? "" : "." + element);
        }

        @Override
        public void containedResourceWithNoId(IParseLocation where) {
            found.add(new Violation(at(where, "contained"), "CONTAINED_WITHOUT_ID", "a contained resource has no id"));
        }

        @Override
        public void incorrectJsonType(IParseLocation where, String element, BaseJsonLikeValue.ValueType expected,
                BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType actual,
                BaseJsonLikeValue.ScalarType actualScalar) {
            found.add(new Violation(at(where, element), "WRONG_TYPE", "expected " + name(expected, expectedScalar)
                    + ", found " + name(actual, actualScalar)));
        }

        private static String name(BaseJsonLikeValue.ValueType v, BaseJsonLikeValue.ScalarType s) {
            return s == null ? String.valueOf(v).toLowerCase() : String.valueOf(s).toLowerCase();
        }

        @Override
        public void invalidValue(IParseLocation where, String value, String error) {
            found.add(new Violation(at(where, null), "INVALID_VALUE", "[" + Violation.shown(value) + "]: "
                    + Violation.shown(firstLine(error))));
        }

        @Override
        public void missingRequiredElement(IParseLocation where, String element) {
            found.add(new Violation(at(where, element), "REQUIRED", "is required"));
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation where, String element) {
            found.add(new Violation(at(where, element), "NOT_REPEATING", "may appear once, not as an array"));
        }

        @Override
        public void unknownAttribute(IParseLocation where, String attribute) {
            found.add(new Violation(at(where, attribute), "UNKNOWN_ELEMENT", "is not an R4 attribute here"));
        }

        @Override
        public void unknownElement(IParseLocation where, String element) {
            found.add(new Violation(at(where, element), "UNKNOWN_ELEMENT", "is not an R4 element here"));
        }

        @Override
        public void unknownReference(IParseLocation where, String reference) {
            // References outside the document are normal in a prefetch; not a problem.
        }

        @Override
        public void invalidInternalReference(IParseLocation where, String reference) {
            found.add(new Violation(at(where, "reference"), "INVALID_REFERENCE", "[" + Violation.shown(reference)
                    + "] does not resolve inside the resource"));
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation where) {
            found.add(new Violation(at(where, "extension"), "INVALID_EXTENSION",
                    "an extension has both a value and nested extensions"));
        }
    }
}
