-- Classifier retraining: the model registry and one row per retraining run. Model files live under
-- kontor.data-dir/models/<version>/; rejected candidates keep theirs for audit. ${datetime} is TIMESTAMP(3) on
-- H2 and DATETIME(3) on MySQL; ${clob} is CLOB on H2 and LONGTEXT on MySQL.

-- Every trained candidate. Accuracies are on the same frozen held-out set for candidate and incumbent, so
-- they can be compared; the latest PROMOTED row whose files exist is what a node loads at start-up.
CREATE TABLE classifier_model (
    version               VARCHAR(100)  NOT NULL PRIMARY KEY,
    status                VARCHAR(16)   NOT NULL,
    candidate_accuracy    DECIMAL(7, 6),
    incumbent_version     VARCHAR(100),
    incumbent_accuracy    DECIMAL(7, 6),
    evaluation_documents  INT,
    evaluation_labelled   INT,
    base_documents        INT           NOT NULL,
    examples_used         INT           NOT NULL,
    epochs                INT           NOT NULL,
    training_seconds      DECIMAL(10, 1) NOT NULL,
    evaluation_seconds    DECIMAL(10, 1),
    decision_reason       VARCHAR(500),
    process_instance_id   VARCHAR(64),
    created_at            ${datetime}   NOT NULL,
    promoted_at           ${datetime}
);
CREATE INDEX ix_classifier_model_promoted ON classifier_model (status, promoted_at);

-- One retraining run (= one classifier-retraining process instance): what it is doing now, for
-- GET /api/classifier/retrainings/{processInstanceId}. running_slot is 1 while the run is active and NULL
-- afterwards; its unique index lets only one run be active in the whole cluster.
CREATE TABLE classifier_retraining (
    retraining_id         VARCHAR(36)   NOT NULL PRIMARY KEY,
    process_instance_id   VARCHAR(64),
    running_slot          INT,
    status                VARCHAR(24)   NOT NULL,
    phase                 VARCHAR(24)   NOT NULL,
    started_by            VARCHAR(100)  NOT NULL,
    forced                BOOLEAN       NOT NULL,
    new_labels            INT,
    examples_used         INT,
    epoch                 INT,
    max_epochs            INT,
    progress              VARCHAR(500),
    candidate_version     VARCHAR(100),
    candidate_accuracy    DECIMAL(7, 6),
    incumbent_version     VARCHAR(100),
    incumbent_accuracy    DECIMAL(7, 6),
    evaluation_documents  INT,
    decision_reason       VARCHAR(500),
    started_at            ${datetime}   NOT NULL,
    updated_at            ${datetime}   NOT NULL,
    finished_at           ${datetime},
    CONSTRAINT uq_classifier_retraining_running UNIQUE (running_slot)
);
CREATE INDEX ix_classifier_retraining_instance ON classifier_retraining (process_instance_id);
