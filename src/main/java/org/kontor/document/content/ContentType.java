package org.kontor.document.content;

/** The file types Kontor reads, decided by content (see {@link ContentSniffer}), never by file name. */
public enum ContentType {
    PDF("application/pdf"),
    PNG("image/png"),
    JPEG("image/jpeg"),
    TIFF("image/tiff"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    XLS("application/vnd.ms-excel"),
    CSV("text/csv"),
    JSON("application/json");

    private final String mediaType;

    ContentType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public boolean isImage() {
        return this == PNG || this == JPEG || this == TIFF;
    }

    public boolean isSpreadsheet() {
        return this == XLSX || this == XLS || this == CSV;
    }
}
