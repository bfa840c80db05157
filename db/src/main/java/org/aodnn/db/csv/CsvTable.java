package org.aodnn.db.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV file read whole: a header line naming the columns, then rows. Fields may be quoted with
 * {@code "} (a doubled quote inside stands for one). Every accessor reports bad values with the source,
 * the line number and the column name, so an operator can find and fix the cell.
 */
public final class CsvTable {

    private final String source;
    private final List<String> header;
    private final Map<String, Integer> columnIndex;
    private final List<Row> rows;

    private CsvTable(String source, List<String> header, List<List<String>> fieldRows, List<Integer> lines) {
        this.source = source;
        this.header = List.copyOf(header);
        this.columnIndex = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).isEmpty()) {
                throw new CsvFormatException(source, 1, null, "column " + (i + 1) + " has no name in the header"
                        + (i == header.size() - 1 ? " (empty columns at the end, as a spreadsheet may save? remove them)"
                        : ""));
            }
            if (columnIndex.putIfAbsent(header.get(i), i) != null) {
                throw new CsvFormatException(source, 1, header.get(i), "column appears twice in the header");
            }
        }
        this.rows = new ArrayList<>(fieldRows.size());
        for (int i = 0; i < fieldRows.size(); i++) {
            rows.add(new Row(lines.get(i), fieldRows.get(i)));
        }
    }

    /** Reads a UTF-8 file; bytes that are not UTF-8 are refused naming their line. */
    public static CsvTable read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer text = java.nio.CharBuffer.allocate(bytes.length);
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.charset.CoderResult result = decoder.decode(in, text, true);
        if (!result.isError()) {
            result = decoder.flush(text);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new CsvFormatException(file.toString(), line, null, NOT_UTF8);
        }
        text.flip();
        return read(file.toString(), new java.io.StringReader(text.toString()));
    }

    private static final String NOT_UTF8 = "not UTF-8 text (a byte sequence that UTF-8 does not allow); save the file as UTF-8";

    public static CsvTable read(String source, Reader reader) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        int[] lineNo = {1};
        try {
            return read(source, in, lineNo);
        } catch (java.nio.charset.CharacterCodingException e) {
            // the decoder stops at the first bytes that are not UTF-8; behind a buffered Reader the line is where
            // reading had got to (read(Path) names the exact line)
            throw new CsvFormatException(source, lineNo[0], null, NOT_UTF8);
        }
    }

    private static CsvTable read(String source, BufferedReader in, int[] lineCounter) throws IOException {
        String headerLine = in.readLine();
        if (headerLine == null || headerLine.isBlank()) {
            throw new CsvFormatException(source, 1, null, "empty file: expected a header line");
        }
        if (headerLine.startsWith("\uFEFF")) {
            headerLine = headerLine.substring(1);
        }
        List<String> header = split(source, 1, headerLine);
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String line;
        int lineNo = 1;
        lineCounter[0] = 2;
        while ((line = in.readLine()) != null) {
            lineNo++;
            lineCounter[0] = lineNo + 1;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = split(source, lineNo, line);
            if (fields.size() != header.size()) {
                throw new CsvFormatException(source, lineNo, null,
                        "expected " + header.size() + " fields as in the header, found " + fields.size());
            }
            rows.add(fields);
            lines.add(lineNo);
        }
        return new CsvTable(source, header, rows, lines);
    }

    private static List<String> split(String source, int lineNo, String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(wasQuoted ? field.toString() : field.toString().trim());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new CsvFormatException(source, lineNo, null, "unterminated quoted field");
        }
        fields.add(wasQuoted ? field.toString() : field.toString().trim());
        return fields;
    }

    public String source() {
        return source;
    }

    public List<String> header() {
        return header;
    }

    public boolean hasColumn(String name) {
        return columnIndex.containsKey(name);
    }

    /** Fails naming every missing column, so one run tells the operator all of them. */
    public void requireColumns(List<String> names) {
        List<String> missing = names.stream().filter(n -> !columnIndex.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new CsvFormatException(source, 1, null, "missing column(s) " + String.join(", ", missing));
        }
    }

    public List<Row> rows() {
        return rows;
    }

    /** One data row, with typed accessors that validate. */
    public final class Row {
        private final int line;
        private final List<String> fields;

        private Row(int line, List<String> fields) {
            this.line = line;
            this.fields = fields;
        }

        public int line() {
            return line;
        }

        private CsvFormatException error(String column, String problem) {
            return new CsvFormatException(source, line, column, problem);
        }

        /** The raw text of a column, or empty when the table has no such column. */
        public Optional<String> optional(String column) {
            Integer i = columnIndex.get(column);
            if (i == null || fields.get(i).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(fields.get(i));
        }

        public String text(String column) {
            Integer i = columnIndex.get(column);
            if (i == null) {
                throw error(column, "no such column");
            }
            String value = fields.get(i);
            if (value.isEmpty()) {
                throw error(column, "empty value");
            }
            return value;
        }

        public long nonNegativeLong(String column) {
            String value = text(column);
            long parsed;
            try {
                parsed = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw error(column, "'" + value + "' is not a whole number");
            }
            if (parsed < 0) {
                throw error(column, "negative number " + value);
            }
            return parsed;
        }

        public int nonNegativeInt(String column) {
            long parsed = nonNegativeLong(column);
            if (parsed > Integer.MAX_VALUE) {
                throw error(column, "number " + parsed + " is too large");
            }
            return (int) parsed;
        }

        public double nonNegativeDouble(String column) {
            return parseNonNegativeDouble(column, text(column));
        }

        public Double optionalNonNegativeDouble(String column) {
            return optional(column).map(v -> parseNonNegativeDouble(column, v)).orElse(null);
        }

        public Long optionalNonNegativeLong(String column) {
            return optional(column).isPresent() ? nonNegativeLong(column) : null;
        }

        public boolean flag(String column) {
            String value = text(column);
            switch (value.toLowerCase()) {
                case "1", "true", "yes":
                    return true;
                case "0", "false", "no":
                    return false;
                default:
                    throw error(column, "'" + value + "' is not a flag (expected 0 or 1)");
            }
        }

        private double parseNonNegativeDouble(String column, String value) {
            double parsed;
            try {
                parsed = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw error(column, "'" + value + "' is not a number");
            }
            if (!Double.isFinite(parsed)) {
                throw error(column, "'" + value + "' is not a finite number");
            }
            if (parsed < 0) {
                throw error(column, "negative number " + value);
            }
            return parsed;
        }

        public CsvFormatException problem(String column, String problem) {
            return error(column, problem);
        }
    }
}
