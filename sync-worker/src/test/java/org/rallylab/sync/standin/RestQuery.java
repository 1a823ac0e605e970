package org.rallylab.sync.standin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PostgREST query string turned into SQL: horizontal filters ({@code col=eq.v}, {@code neq gt gte lt lte
 * like ilike in is}, each optionally prefixed with {@code not.}), {@code select} (a plain column list),
 * {@code order}, {@code limit}, {@code offset}, {@code on_conflict}. Values are bound as untyped parameters so
 * PostgreSQL casts them to the column's type, as PostgREST does. Identifiers are always quoted.
 */
final class RestQuery {

    private static final Map<String, String> COMPARISONS = Map.of(
            "eq", "=", "neq", "<>", "gt", ">", "gte", ">=", "lt", "<", "lte", "<=", "like", "like", "ilike", "ilike");
    private static final Set<String> IS_VALUES = Set.of("null", "true", "false", "unknown");

    private final List<String> conditions = new ArrayList<>();
    private final List<String> parameters = new ArrayList<>();
    private final List<String> orderBy = new ArrayList<>();
    private String select = "*";
    private Long limit;
    private long offset;
    private List<String> onConflict = List.of();

    private RestQuery() {
    }

    /** Parses a raw (still percent-encoded) query string; a malformed part is a 400 PGRST100. */
    static RestQuery parse(String rawQuery) throws ApiError {
        RestQuery q = new RestQuery();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return q;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            switch (key) {
                case "select" -> q.select = selectList(value);
                case "order" -> q.order(value);
                case "limit" -> q.limit = number("limit", value);
                case "offset" -> q.offset = number("offset", value);
                case "on_conflict" -> q.onConflict = columns("on_conflict", value);
                case "columns" -> throw unsupported("the columns parameter");
                case "or", "and", "not.or", "not.and" -> throw unsupported("logical operators (or/and)");
                default -> q.filter(key, value);
            }
        }
        return q;
    }

    /** The select list, such as {@code *} or {@code "id", "rally_id"}. */
    String select() {
        return select;
    }

    /** {@code where ...} or an empty string. */
    String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** {@code order by ...} or an empty string. */
    String orderBy() {
        return orderBy.isEmpty() ? "" : " order by " + String.join(", ", orderBy);
    }

    /** The requested limit, if any. */
    Long limit() {
        return limit;
    }

    long offset() {
        return offset;
    }

    /** The quoted columns of {@code on_conflict}, empty when not given. */
    List<String> onConflict() {
        return onConflict;
    }

    /** Binds the filter values from parameter index {@code first}; returns the next free index. */
    int bind(PreparedStatement statement, int first) throws SQLException {
        int i = first;
        for (String p : parameters) {
            statement.setObject(i++, p, Types.OTHER);
        }
        return i;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private void filter(String column, String expression) throws ApiError {
        boolean negated = expression.startsWith("not.");
        String rest = negated ? expression.substring(4) : expression;
        int dot = rest.indexOf('.');
        if (column.isEmpty() || dot < 0) {
            throw parseError("filter", expression, "expected an operator such as eq. before the value");
        }
        String op = rest.substring(0, dot);
        String operand = rest.substring(dot + 1);
        String col = quote(column);
        String condition;
        if (op.equals("is")) {
            if (!IS_VALUES.contains(operand)) {
                throw parseError("filter", expression, "is. takes null, true, false or unknown");
            }
            condition = col + " is " + operand;
        } else if (op.equals("in")) {
            if (!operand.startsWith("(") || !operand.endsWith(")")) {
                throw parseError("filter", expression, "in. takes a list in parentheses: in.(a,b)");
            }
            List<String> values = listValues(operand.substring(1, operand.length() - 1));
            if (values.isEmpty()) {
                condition = "false";
            } else {
                condition = col + " in (" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")";
                parameters.addAll(values);
            }
        } else if (COMPARISONS.containsKey(op)) {
            String sqlOp = COMPARISONS.get(op);
            boolean pattern = op.endsWith("like");
            condition = (pattern ? col + "::text" : col) + " " + sqlOp + " ?";
            parameters.add(pattern ? operand.replace('*', '%') : operand);
        } else {
            throw parseError("filter", expression, "unknown operator " + op);
        }
        conditions.add(negated ? "not (" + condition + ")" : condition);
    }

    private void order(String value) throws ApiError {
        for (String item : value.split(",")) {
            String[] parts = item.split("\\.");
            if (parts.length == 0 || parts[0].isEmpty() || parts.length > 3) {
                throw parseError("order", value, "expected column[.asc|.desc][.nullsfirst|.nullslast]");
            }
            StringBuilder sql = new StringBuilder(quote(parts[0]));
            for (int i = 1; i < parts.length; i++) {
                switch (parts[i]) {
                    case "asc" -> sql.append(" asc");
                    case "desc" -> sql.append(" desc");
                    case "nullsfirst" -> sql.append(" nulls first");
                    case "nullslast" -> sql.append(" nulls last");
                    default -> throw parseError("order", value, "unknown modifier " + parts[i]);
                }
            }
            orderBy.add(sql.toString());
        }
    }

    private static String selectList(String value) throws ApiError {
        if (value.isEmpty() || value.equals("*")) {
            return "*";
        }
        List<String> quoted = new ArrayList<>();
        for (String c : columns("select", value)) {
            quoted.add(c);
        }
        return String.join(", ", quoted);
    }

    private static List<String> columns(String parameter, String value) throws ApiError {
        List<String> quoted = new ArrayList<>();
        for (String c : value.split(",")) {
            String name = c.strip();
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw parseError(parameter, value, "the stand-in takes only plain column names here");
            }
            quoted.add(quote(name));
        }
        return List.copyOf(quoted);
    }

    private static long number(String parameter, String value) throws ApiError {
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw parseError(parameter, value, parameter + " must be a non-negative integer");
    }

    private static List<String> listValues(String inner) {
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < inner.length(); i++) {
            char ch = inner.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '\\' && quoted && i + 1 < inner.length()) {
                current.append(inner.charAt(++i));
            } else if (ch == ',' && !quoted) {
                values.add(current.toString());
                current.setLength(0);
            } else {
                current.append(ch);
            }
            any = true;
        }
        if (any) {
            values.add(current.toString());
        }
        return values;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static ApiError parseError(String what, String value, String details) {
        return ApiError.rest(400, "PGRST100", "\"failed to parse " + what + " (" + value + ")\"", details, null);
    }

    private static ApiError unsupported(String feature) {
        return ApiError.rest(400, "PGRST100", "the RallyLab test stand-in does not support " + feature,
                "only the PostgREST features RallyLab uses are implemented (see StandIn)", null);
    }
}
