package nl.klachtenregie.web;


/** Reading posted page forms: every value a string, an unticked checkbox absent. */
public final class PageForms {

    private PageForms() {
    }

    public static boolean checkbox(String value) {
        return value != null && (value.equals("true") || value.equals("on"));
    }

    /** A number as the API form expects it; anything else is passed on as text, to be reported as an error. */
    public static Object number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
    }

    public static Integer version(String value) {
        Object n = number(value);
        return n instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE ? l.intValue() : null;
    }

    /** The row version a posted form map carries ({@code rowVersion}), or null when absent or not a number. */
    public static Integer rowVersion(java.util.Map<String, Object> form) {
        Object value = form == null ? null : form.get("rowVersion");
        if (value instanceof java.util.List<?> list) {
            value = list.isEmpty() ? null : list.get(0);
        }
        try {
            return value == null ? null : Integer.valueOf(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
