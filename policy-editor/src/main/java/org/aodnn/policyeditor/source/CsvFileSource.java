package org.aodnn.policyeditor.source;

/** Per-layer values read from a CSV file (see {@link LayerValuesCsv}); the path is stored absolute. */
public record CsvFileSource(String path) implements LayerSource {

    public CsvFileSource {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a CSV source needs a file path");
        }
    }

    @Override
    public String describe() {
        return "file " + path;
    }
}
