-- Document intake. Originals live in the content-addressed file store under kontor.data-dir/documents;
-- these tables hold what Kontor knows about them. ${clob} is CLOB on H2 and LONGTEXT on MySQL.

CREATE TABLE document (
    document_id         VARCHAR(36)   NOT NULL PRIMARY KEY,
    sha256              CHAR(64)      NOT NULL,
    file_name           VARCHAR(255),
    content_type        VARCHAR(16)   NOT NULL,
    size_bytes          BIGINT        NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    document_type       VARCHAR(32),
    type_confidence     DECIMAL(5, 4),
    model_version       VARCHAR(100),
    classified_by       VARCHAR(100),
    text_source         VARCHAR(16),
    page_count          INT,
    ocr_confidence      DECIMAL(5, 2),
    received_via        VARCHAR(16)   NOT NULL,
    received_by         VARCHAR(100)  NOT NULL,
    process_instance_id VARCHAR(64),
    order_id            VARCHAR(36),
    problems            ${clob},
    -- purchase orders: the extracted fields (SPEC §5 shape) and a confidence per field, JSON
    extracted_fields    ${clob},
    field_confidence    ${clob},
    created_at          ${datetime}   NOT NULL,
    updated_at          ${datetime}   NOT NULL,
    CONSTRAINT uq_document_sha256 UNIQUE (sha256)
);
CREATE INDEX ix_document_status ON document (status);

-- What digitising read: the text (for classification and extraction) and the pages with word boxes
-- (JSON) for extraction and the review form.
CREATE TABLE document_content (
    document_id VARCHAR(36) NOT NULL PRIMARY KEY,
    text        ${clob}     NOT NULL,
    pages       ${clob},
    CONSTRAINT fk_document_content_document FOREIGN KEY (document_id) REFERENCES document (document_id)
);

-- Types decided by clerks: training examples for the classifier.
CREATE TABLE document_label (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id   VARCHAR(36)  NOT NULL,
    document_type VARCHAR(32)  NOT NULL,
    labelled_by   VARCHAR(100) NOT NULL,
    labelled_at   ${datetime}  NOT NULL,
    CONSTRAINT fk_document_label_document FOREIGN KEY (document_id) REFERENCES document (document_id)
);
CREATE INDEX ix_document_label_document ON document_label (document_id);
