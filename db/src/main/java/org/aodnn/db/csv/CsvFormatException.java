package org.aodnn.db.csv;

/** A bad CSV input, located by source, 1-based line number and column name (either may be absent). */
public class CsvFormatException extends RuntimeException {

    private final String source;
    private final int line;
    private final String column;

    public CsvFormatException(String source, int line, String column, String problem) {
        super(describe(source, line, column, problem));
        this.source = source;
        this.line = line;
        this.column = column;
    }

    private static String describe(String source, int line, String column, String problem) {
        StringBuilder where = new StringBuilder(source);
        if (line > 0) {
            where.append(", line ").append(line);
        }
        if (column != null) {
            where.append(", column '").append(column).append('\'');
        }
        return where + ": " + problem;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public String column() {
        return column;
    }
}
